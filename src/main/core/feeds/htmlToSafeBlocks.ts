import { BlockBuilder } from './BlockBuilder'
import { decodeHtmlEntities } from './htmlEntities'

export { safeHttpUrl } from './safeHttpUrl'

import type { SafeBlock, SafeInline } from '@shared/feeds/safeBlocks'

export type { SafeBlock, SafeInline }

/** Dropped with everything inside them: active content, embedded documents, forms, metadata. */
const DROPPED = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'noscript', 'template', 'textarea', 'select', 'button', 'head', 'title', 'canvas', 'audio', 'video', 'map', 'portal'])
/** Their content is raw text up to the matching close tag, so a '<' inside cannot start a tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'noscript', 'xmp', 'plaintext'])
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'source', 'wbr', 'area', 'base', 'col', 'embed', 'param', 'track'])
const BLOCKS: Record<string, 'paragraph' | 'heading' | 'listItem' | 'quote' | 'code'> = {
  p: 'paragraph', div: 'paragraph', section: 'paragraph', article: 'paragraph', figcaption: 'paragraph', td: 'paragraph', th: 'paragraph', dd: 'paragraph', dt: 'paragraph', address: 'paragraph', caption: 'paragraph',
  h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading',
  li: 'listItem', blockquote: 'quote', pre: 'code',
}

// Tag alternatives are disjoint and stop at the next '<', so hostile input cannot make the scan backtrack.
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>?|<\?[^>]*>?|<\/?([a-zA-Z][a-zA-Z0-9:-]*)(?=[\s/>])((?:"[^"]*"|'[^']*'|[^'"<>])*)>|[^<]+|</

/** Turns feed HTML into safe blocks, resolving relative links and images against baseUrl. */
export function htmlToSafeBlocks(html: string, baseUrl?: string | null): SafeBlock[] {
  const builder = new BlockBuilder(baseUrl ?? null)
  const tokens = new RegExp(TOKEN.source, 'g')
  let match: RegExpExecArray | null
  let skipping: { name: string; depth: number } | null = null
  while ((match = tokens.exec(html)) !== null) {
    const [whole, rawName, rawAttributes = ''] = match
    if (whole.length === 0) break
    if (rawName === undefined) {
      if (!skipping && !whole.startsWith('<')) builder.text(decodeHtmlEntities(whole))
      else if (!skipping && whole.startsWith('<![CDATA[')) builder.text(whole.slice(9).replace(/\]\]>$/, ''))
      else if (!skipping && whole === '<') builder.text('<')
      continue
    }
    const name = rawName.toLowerCase()
    const closing = whole.startsWith('</')
    if (skipping) {
      if (name === skipping.name) skipping.depth += closing ? -1 : whole.endsWith('/>') ? 0 : 1
      if (skipping.depth === 0) skipping = null
      continue
    }
    if (!closing && RAW_TEXT.has(name)) {
      const closeTag = new RegExp(`</${name}`, 'ig')
      closeTag.lastIndex = tokens.lastIndex
      const end = closeTag.exec(html)?.index ?? -1
      const close = end === -1 ? -1 : html.indexOf('>', end)
      tokens.lastIndex = close === -1 ? html.length : close + 1
      continue
    }
    if (DROPPED.has(name)) {
      if (!closing && !whole.endsWith('/>') && !VOID.has(name)) skipping = { name, depth: 1 }
      continue
    }
    builder.tag(name, closing, readAttributes(rawAttributes), BLOCKS[name])
  }
  return builder.finish()
}

/** Plain text of the blocks, one space between blocks, whitespace collapsed. */
export function blocksToText(blocks: SafeBlock[]): string {
  return blocks
    .map((block) => (block.type === 'image' ? '' : block.type === 'code' ? block.text : block.inlines.map((inline) => inline.text).join('')))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function readAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>()
  const pattern = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/g
  let match: RegExpExecArray | null
  while ((match = pattern.exec(text)) !== null) {
    const name = match[1]!.toLowerCase()
    // Only the three attributes we read are kept; on*, style, srcdoc and the rest never leave here.
    if (name === 'href' || name === 'src' || name === 'alt') attributes.set(name, decodeHtmlEntities(match[2] ?? match[3] ?? match[4] ?? ''))
  }
  return attributes
}
