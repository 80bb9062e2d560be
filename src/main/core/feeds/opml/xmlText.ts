const predefinedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/**
 * Decodes the five predefined XML entities and numeric character references. The parser runs
 * with entity processing off (no DOCTYPE is accepted, so no other entity can be declared);
 * anything else that looks like a reference, or a reference to a code point XML forbids,
 * is left as written rather than guessed at.
 */
export function decodeXmlText(value: string): string {
  if (!value.includes('&')) return value
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const codePoint = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return isXmlCharacter(codePoint) ? String.fromCodePoint(codePoint) : whole
    }
    return predefinedEntities[body] ?? whole
  })
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

/** Collapses runs of whitespace to one space and trims, as readers display outline text. */
export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}
