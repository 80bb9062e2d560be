import Papa from 'papaparse'
import type { ImportMessage } from '@shared/api/io'

export interface CsvRow {
  /** 1-based file line the row starts on (a quoted cell may span lines). */
  line: number
  cells: string[]
}

export interface CsvTable {
  headers: string[]
  rows: CsvRow[]
  errors: ImportMessage[]
}

/**
 * Reads a CSV file with papaparse (quoting, embedded newlines), keeping each row's line for messages. The first
 * row is the header; empty rows are skipped.
 */
export function readCsv(text: string, onProgress?: (done: number, total: number) => void): CsvTable {
  const rows: CsvRow[] = []
  const errors: ImportMessage[] = []
  let cursor = 0
  let line = 1
  Papa.parse<string[]>(text, {
    delimiter: delimiterOf(text),
    step: (result) => {
      const rowLine = line
      const end = result.meta.cursor
      line += countLineBreaks(text, cursor, end)
      cursor = end
      for (const error of result.errors) {
        errors.push({ line: rowLine, message: `Line ${rowLine}: ${describeCsvError(error)}` })
      }
      if (result.data.some((cell) => cell.trim() !== '')) rows.push({ line: rowLine, cells: result.data })
      if (rows.length % 5000 === 0) onProgress?.(cursor, text.length)
    },
  })
  onProgress?.(text.length, text.length)
  const header = rows.shift()
  if (!header) errors.push({ message: 'The file is empty: a CSV file needs a header row and at least one row of data.' })
  else if (rows.length === 0) errors.push({ line: header.line, message: 'The file has a header row but no rows of data.' })
  return { headers: (header?.cells ?? []).map((h) => h.trim()), rows, errors }
}

/**
 * The header line decides between ",", ";" (spreadsheets in many European locales) and tab.
 * papaparse's own guess samples rows and is thrown off by blank rows and quoted line breaks.
 */
export function delimiterOf(text: string): string {
  const lineEnd = text.search(/\r|\n/)
  const header = text.slice(0, lineEnd < 0 ? text.length : lineEnd).replace(/"[^"]*"/g, '')
  const count = (char: string) => header.split(char).length - 1
  return ['\t', ';', ','].reduce((best, char) => (count(char) > count(best) ? char : best), ',')
}

function describeCsvError(error: Papa.ParseError): string {
  if (error.code === 'MissingQuotes') return 'a quoted cell is not closed (a " is missing).'
  if (error.code === 'InvalidQuotes') return 'a cell has a stray " inside it; put the cell in quotes and double the inner quotes.'
  return `${error.message}.`
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++
  }
  return count
}
