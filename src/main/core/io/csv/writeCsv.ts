import Papa from 'papaparse'

/** Cells a spreadsheet would run as a formula (OWASP CSV injection): = + - @, tab and CR. */
const formulaStart = /^[=+\-@\t\r]/

/**
 * A CSV file for Excel, Numbers and LibreOffice: UTF-8 with a byte order mark (Excel needs it to
 * read UTF-8), CRLF, quoting by papaparse, and every cell that starts like a formula prefixed
 * with "'" so opening the file never runs what a contact's name or note says.
 */
export function writeCsv(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return '\uFEFF' + Papa.unparse({ fields: [...headers], data: rows.map((row) => [...row]) }, { escapeFormulae: formulaStart, newline: '\r\n' }) + '\r\n'
}

/** Reverses the export's formula guard on import, so a round trip gives back the same text. */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && formulaStart.test(cell.slice(1)) ? cell.slice(1) : cell
}
