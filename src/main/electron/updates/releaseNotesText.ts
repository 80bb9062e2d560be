import type { ReleaseNoteInfo } from './UpdaterPort'

/** The page shows this much at most; a release's notes are a few hundred words. */
export const maxReleaseNotesLength = 20_000
/** Input beyond this is not looked at (the scan is linear, but there is no reason to read megabytes). */
const maxInputLength = 200_000

/**
 * electron-updater's `releaseNotes` as plain text for the page: HTML from a GitHub or generic feed
 * (tags dropped, block tags as line breaks, list items as "• ", entities decoded), a generic feed's
 * plain text or Markdown as it is (list markers as "• ", heading marks dropped), or the per-version
 * list `fullChangelog` gives, each under its version. The notes come from the network, so nothing
 * shaped like markup survives: scripts and styles go with their content, attributes (links,
 * onerror) are never kept, and a tag that only appears after entity decoding is dropped too.
 */
export function releaseNotesText(notes: string | readonly ReleaseNoteInfo[] | null | undefined): string {
  if (typeof notes === 'string') return cap(noteText(notes))
  if (!Array.isArray(notes)) return ''
  const sections = notes
    .filter((entry) => typeof entry === 'object' && entry !== null)
    .map((entry) => {
      const version = typeof entry.version === 'string' ? oneLine(entry.version) : ''
      const text = typeof entry.note === 'string' ? noteText(entry.note) : ''
      return [version && `Version ${version}`, text].filter(Boolean).join('\n')
    })
    .filter(Boolean)
  return cap(sections.join('\n\n'))
}

function noteText(note: string): string {
  const input = note.slice(0, maxInputLength)
  const text = looksLikeHtml(input) ? htmlText(input) : markdownText(input)
  return tidy(dropTags(decodeEntities(text)))
}

function cap(text: string): string {
  if (text.length <= maxReleaseNotesLength) return text
  // Never end on half of a surrogate pair (an emoji cut in two).
  const kept = text.slice(0, maxReleaseNotesLength - 1).replace(/[\uD800-\uDBFF]$/, '')
  return `${kept.trimEnd()}…`
}

function oneLine(text: string): string {
  return tidy(dropTags(decodeEntities(text.slice(0, 200)))).replace(/\s+/g, ' ')
}

function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--/i.test(text)
}

/**
 * Whole tags (`<x …>`, `</x>`, `<!…>`, `<?x …>`) in already-plain text, while `<https://…>` and
 * "a < b" stay; each match ends at the next `<` or `>`, so this is linear.
 */
function dropTags(text: string): string {
  return text.replace(/<(?:[/?]?[a-z][a-z0-9-]*(?:[\s/][^<>]*)?|![^<>]*)>/gi, '')
}

/** Plain text or Markdown: line breaks kept, list markers as bullets, heading marks dropped. */
function markdownText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/^[ \t]*[-*+][ \t]+/gm, '• ')
    .replace(/^[ \t]*#{1,6}[ \t]+/gm, '')
}

const lineBreakTags = new Set(['br'])
const paragraphTags = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'details', 'summary', 'figure'])
const rowTags = new Set(['tr', 'dt', 'dd', 'caption'])
/** Their content is not text: dropped along with the tags. */
const skippedTags = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'textarea', 'title', 'head'])

/** A small linear scan of HTML (no regex backtracking on hostile input): text kept, whitespace collapsed, tags turned into breaks or dropped. */
function htmlText(html: string): string {
  const out: string[] = []
  const lower = html.toLowerCase()
  let i = 0
  while (i < html.length) {
    const open = html.indexOf('<', i)
    const textEnd = open === -1 ? html.length : open
    if (textEnd > i) out.push(html.slice(i, textEnd).replace(/\s+/g, ' '))
    if (open === -1) break
    const tag = readTag(html, open)
    if (!tag) {
      out.push('<')
      i = open + 1
      continue
    }
    i = tag.end
    if (tag.name === undefined) continue
    if (skippedTags.has(tag.name) && !tag.closing && !tag.selfClosing) {
      const close = lower.indexOf(`</${tag.name}`, i)
      i = close === -1 ? html.length : (readTag(html, close)?.end ?? html.length)
      continue
    }
    out.push(breakFor(tag.name, tag.closing))
  }
  return out.join('')
}

/** What a tag leaves in the text: a line break, a paragraph break, a bullet, a space between cells, or nothing. */
function breakFor(name: string, closing: boolean): string {
  if (name === 'li') return closing ? '' : '\n• '
  if (lineBreakTags.has(name) || rowTags.has(name)) return '\n'
  if (paragraphTags.has(name)) return '\n\n'
  return name === 'td' || name === 'th' ? ' ' : ''
}

interface ScannedTag {
  /** Lower-case element name; undefined for comments, doctypes and processing instructions. */
  name: string | undefined
  closing: boolean
  selfClosing: boolean
  /** Index just past the tag. */
  end: number
}

/** The tag starting at `start` (a `<`), or undefined when `<` starts no tag (then it is text, as in HTML). */
function readTag(html: string, start: number): ScannedTag | undefined {
  const next = html[start + 1] ?? ''
  if (html.startsWith('<!--', start)) {
    const close = html.indexOf('-->', start + 4)
    return { name: undefined, closing: false, selfClosing: false, end: close === -1 ? html.length : close + 3 }
  }
  if (next === '!' || next === '?') {
    const close = html.indexOf('>', start)
    return { name: undefined, closing: false, selfClosing: false, end: close === -1 ? html.length : close + 1 }
  }
  const closing = next === '/'
  const nameStart = start + (closing ? 2 : 1)
  const nameMatch = /^[a-zA-Z][a-zA-Z0-9-]*/.exec(html.slice(nameStart, nameStart + 64))
  if (!nameMatch) return undefined
  // Attributes: skip to the `>` that is not inside quotes. An unclosed tag runs to the end, as in a browser.
  let i = nameStart + nameMatch[0].length
  let quote = ''
  for (; i < html.length; i++) {
    const char = html[i]
    if (quote) {
      if (char === quote) quote = ''
    } else if (char === '"' || char === "'") quote = char
    else if (char === '>') break
  }
  return { name: nameMatch[0].toLowerCase(), closing, selfClosing: html[i - 1] === '/', end: Math.min(i + 1, html.length) }
}

const namedEntities: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', bull: '•', middot: '·',
  copy: '©', reg: '®', trade: '™', times: '×', deg: '°', euro: '€', pound: '£', rarr: '→', larr: '←',
  eacute: 'é', egrave: 'è', agrave: 'à', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß', ccedil: 'ç',
}

/** One pass, so "&amp;lt;" becomes "&lt;" and not "<". Unknown names stay as written. */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/g, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return Object.hasOwn(namedEntities, name) ? (namedEntities[name] as string) : whole
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16)
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
    return valid ? String.fromCodePoint(code) : '\uFFFD'
  })
}

/** Control characters out (newlines and tabs kept), lines trimmed, at most one blank line in a row. */
function tidy(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.replace(/[ \t\u00A0]+/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  )
}
