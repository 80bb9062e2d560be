const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/**
 * Decodes the five predefined XML entities and numeric references, and nothing else: the
 * parser runs with entity processing off, so no declared entity can ever expand.
 */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#')) return codePointText(name) ?? whole
    return XML_ENTITIES[name] ?? whole
  })
}

/** "#x41" / "#65" → "A"; null for references to no character (surrogates, beyond U+10FFFF, NUL). */
export function codePointText(reference: string): string | null {
  const code = reference[1] === 'x' || reference[1] === 'X' ? parseInt(reference.slice(2), 16) : parseInt(reference.slice(1), 10)
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null
  return String.fromCodePoint(code)
}

/**
 * The text of an element kept raw by the parser (a stop node): CDATA sections are taken
 * literally, everything between them has its entities decoded.
 */
export function rawXmlToText(raw: string): string {
  let text = ''
  let at = 0
  while (at < raw.length) {
    const start = raw.indexOf('<![CDATA[', at)
    if (start === -1) {
      text += decodeXmlEntities(raw.slice(at))
      break
    }
    text += decodeXmlEntities(raw.slice(at, start))
    const end = raw.indexOf(']]>', start + 9)
    text += raw.slice(start + 9, end === -1 ? raw.length : end)
    at = end === -1 ? raw.length : end + 3
  }
  return text
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
