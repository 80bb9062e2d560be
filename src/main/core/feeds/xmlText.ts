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

/** "#x41" / "#65" → "A"; null for references to a code point XML cannot carry (NUL, most C0 controls, surrogates, beyond U+10FFFF). */
export function codePointText(reference: string): string | null {
  const code = reference[1] === 'x' || reference[1] === 'X' ? parseInt(reference.slice(2), 16) : parseInt(reference.slice(1), 10)
  return Number.isFinite(code) && isXmlCharacter(code) ? String.fromCodePoint(code) : null
}

function isXmlCharacter(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  )
}

/**
 * Escapes a string for a double-quoted attribute. Tabs and line breaks become references
 * because a parser would otherwise normalise them to spaces; characters XML 1.0 cannot carry
 * at all (most C0 controls, lone surrogates) are dropped so the output always parses.
 */
export function escapeXmlAttribute(value: string): string {
  let escaped = ''
  // Iterating by code point pairs surrogates, so a lone surrogate shows up as a code point XML forbids.
  for (const character of value) {
    if (!isXmlCharacter(character.codePointAt(0)!)) continue
    escaped += attributeEscapes[character] ?? character
  }
  return escaped
}

const attributeEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
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

/** Collapses runs of whitespace to one space and trims, as readers display titles. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
