import type { ImportMessage } from '@shared/api/io'

/** One BEGIN:VCARD … END:VCARD block as it appears in the file. */
export interface RawCard {
  /** 1-based line of BEGIN:VCARD. */
  line: number
  /** The card's lines (unfolding is left to the parser), normalised for it (see normaliseLegacyLine). */
  lines: string[]
  /** File line of each entry in `lines`, for error messages. */
  lineNumbers: number[]
}

/**
 * Frames the cards of a file by their BEGIN/END lines, keeping line numbers so every problem can
 * name its line. Accepts CRLF, LF or CR. Text outside a card and a card without END are errors
 * rather than silently dropped data.
 */
export function splitCards(text: string): { cards: RawCard[]; errors: ImportMessage[] } {
  const lines = text.split(/\r\n|\n|\r/)
  const cards: RawCard[] = []
  const errors: ImportMessage[] = []
  let current: RawCard | null = null
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const keyword = line.trim().toUpperCase()
    if (current === null) {
      if (keyword === 'BEGIN:VCARD') current = { line: i + 1, lines: [], lineNumbers: [] }
      else if (keyword !== '' && errors.length < 5) errors.push({ line: i + 1, message: `Line ${i + 1}: this text is outside a card (BEGIN:VCARD … END:VCARD). Is this a vCard file?` })
      continue
    }
    if (keyword === 'END:VCARD') {
      cards.push(joinQuotedPrintableSoftBreaks(current))
      current = null
    } else if (keyword === 'BEGIN:VCARD') {
      errors.push({ line: current.line, message: `Line ${current.line}: the card that starts here has no END:VCARD before the next card.` })
      current = { line: i + 1, lines: [], lineNumbers: [] }
    } else if (line.trim() !== '') {
      // Blank lines inside a card (vCard 2.1 ends base64 photos with one) mean nothing.
      current.lines.push(line)
      current.lineNumbers.push(i + 1)
    }
  }
  if (current) errors.push({ line: current.line, message: `Line ${current.line}: the card that starts here has no END:VCARD.` })
  return { cards, errors }
}

/**
 * vCard 2.1 (Outlook) quoted-printable values continue on the next line after a trailing "="
 * without the leading space of ordinary folding; joins them so the parser sees one line. Also
 * gives 2.1's bare parameters ("TEL;WORK;VOICE:") their TYPE= name, which 3.0/4.0 parsers require.
 */
function joinQuotedPrintableSoftBreaks(card: RawCard): RawCard {
  const lines: string[] = []
  const lineNumbers: number[] = []
  for (let i = 0; i < card.lines.length; i++) {
    let line = normaliseLegacyLine(card.lines[i] ?? '')
    const number = card.lineNumbers[i] ?? card.line
    if (/^[^:]*;ENCODING=QUOTED-PRINTABLE/i.test(line)) {
      while (line.endsWith('=') && i + 1 < card.lines.length) line = line.slice(0, -1) + (card.lines[++i] ?? '').trimStart()
    }
    lines.push(line)
    lineNumbers.push(number)
  }
  return { line: card.line, lines, lineNumbers }
}

/** "TEL;WORK;VOICE:1" → "TEL;TYPE=WORK;TYPE=VOICE:1"; continuation lines and quoted values untouched. */
export function normaliseLegacyLine(line: string): string {
  if (/^[ \t]/.test(line)) return line
  const colon = indexOutsideQuotes(line, ':')
  if (colon < 0) return line
  const parts = splitOutsideQuotes(line.slice(0, colon), ';')
  if (parts.length === 1) return line
  const params = parts.slice(1).map((param) => (param.includes('=') ? param : `TYPE=${param}`))
  return [parts[0], ...params].join(';') + line.slice(colon)
}

function indexOutsideQuotes(text: string, char: string): number {
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted
    else if (text[i] === char && !quoted) return i
  }
  return -1
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = []
  let rest = text
  for (let at = indexOutsideQuotes(rest, separator); at >= 0; at = indexOutsideQuotes(rest, separator)) {
    parts.push(rest.slice(0, at))
    rest = rest.slice(at + 1)
  }
  parts.push(rest)
  return parts
}
