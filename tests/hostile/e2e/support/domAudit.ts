import type { Page } from '@playwright/test'

/**
 * Looks through the whole rendered document (every open tab panel, dialog and the app shell) for
 * anything hostile content could have smuggled in as live markup: inline or foreign scripts, frames,
 * objects, media, forms, event-handler attributes, non-web links, and styles or images that point at
 * a server the page may not reach. Returns one line per problem; an inert page returns [].
 */
export async function auditRenderedDom(page: Page, options: { forbiddenOrigins: string[]; allowedImageOrigins?: string[] }): Promise<string[]> {
  return page.evaluate(({ forbiddenOrigins, allowedImageOrigins }) => {
    const problems: string[] = []
    const describe = (element: Element) => element.outerHTML.slice(0, 160)
    const mentionsForbidden = (text: string) => forbiddenOrigins.some((origin) => text.includes(origin))
    const sameOrigin = (address: string) => {
      try {
        return new URL(address, location.href).origin === location.origin
      } catch {
        return false
      }
    }
    // Attributes that make the browser fetch or navigate; text attributes (value, title, alt) may say anything.
    const addressAttributes = new Set(['src', 'href', 'srcset', 'poster', 'data', 'action', 'formaction', 'style', 'background', 'xlink:href', 'srcdoc'])
    for (const element of Array.from(document.querySelectorAll('*'))) {
      const tag = element.tagName.toLowerCase()
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) problems.push(`event handler attribute ${attribute.name}: ${describe(element)}`)
        if (!addressAttributes.has(attribute.name.toLowerCase())) continue
        if (mentionsForbidden(attribute.value) && tag !== 'img') problems.push(`attribute ${attribute.name} points at a forbidden server: ${describe(element)}`)
        if (/^\s*(javascript|data|vbscript):/i.test(attribute.value) && !(tag === 'img' && attribute.name === 'src' && /^data:image\//i.test(attribute.value)))
          problems.push(`${attribute.name} with a script or data address: ${describe(element)}`)
      }
      if (tag === 'script' && !(element.getAttribute('src') && sameOrigin(element.getAttribute('src')!))) problems.push(`script: ${describe(element)}`)
      if (['iframe', 'frame', 'object', 'embed', 'base', 'video', 'audio', 'applet'].includes(tag)) problems.push(`${tag}: ${describe(element)}`)
      if (tag === 'meta' && element.hasAttribute('http-equiv')) problems.push(`meta http-equiv: ${describe(element)}`)
      if (tag === 'link' && element.getAttribute('href') && !sameOrigin(element.getAttribute('href')!)) problems.push(`foreign link element: ${describe(element)}`)
      if (tag === 'form' && element.hasAttribute('action')) problems.push(`form with an action: ${describe(element)}`)
      if (tag === 'style' && mentionsForbidden(element.textContent ?? '')) problems.push(`style sheet points at a forbidden server: ${describe(element)}`)
      if (tag === 'a' && element.hasAttribute('href')) {
        const href = element.getAttribute('href')!
        if (!href.startsWith('#') && !/^(https?|mailto):/i.test(href) && !sameOrigin(href)) problems.push(`link that is not a web address: ${describe(element)}`)
      }
      if (tag === 'img') {
        const src = (element as HTMLImageElement).currentSrc || element.getAttribute('src') || ''
        const srcset = element.getAttribute('srcset') ?? ''
        const remote = /^https?:/i.test(src) && !sameOrigin(src)
        if (mentionsForbidden(src) || mentionsForbidden(srcset)) problems.push(`image from a forbidden server: ${describe(element)}`)
        else if (remote && !(allowedImageOrigins ?? []).some((origin) => src.startsWith(origin))) problems.push(`remote image without consent: ${describe(element)}`)
      }
    }
    return problems
  }, { forbiddenOrigins: options.forbiddenOrigins, allowedImageOrigins: options.allowedImageOrigins ?? [] })
}
