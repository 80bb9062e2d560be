/**
 * Turns what a user typed into an FTS5 query that means "all these words, the last one as a
 * prefix". Every term is a quoted string (quotes doubled), so nothing the user types is FTS
 * syntax: no column filters, NEAR, AND/OR/NOT or parentheses. Returns undefined when there is
 * nothing to search for.
 */
export function buildFtsQuery(text: string): string | undefined {
  const terms = text
    .normalize('NFC')
    .split(/\s+/)
    // A term without letters or digits yields no tokens and would match nothing.
    .filter((term) => /[\p{L}\p{N}]/u.test(term))
    .slice(0, 20)
  if (terms.length === 0) return undefined
  return terms.map((term, i) => `"${term.replace(/"/g, '""')}"${i === terms.length - 1 ? '*' : ''}`).join(' ')
}
