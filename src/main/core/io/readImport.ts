import type { CsvMapping, ImportFormat } from '@shared/api/io'
import { readBackup } from './backup/readBackup'
import { guessMapping } from './csv/guessMapping'
import { readCsv } from './csv/readCsv'
import { rowsToContacts } from './csv/rowsToContacts'
import type { ImportSession } from './ImportSessions'
import { importVCards } from './vcard/importVCards'

type Progress = (done: number, total: number) => void
export type ReadImport = Omit<ImportSession, 'id' | 'expiresAt'>

/** Reads a decoded file of any import format into a plan (and, for CSV, the rows for re-mapping). */
export function readImport(format: ImportFormat, text: string, inputWarnings: ImportSession['inputWarnings'], onProgress: Progress): ReadImport {
  if (format === 'csv') {
    const table = readCsv(text, onProgress)
    const mapping = guessMapping(table.headers)
    return { format, inputWarnings, ...planCsv({ headers: table.headers, rows: table.rows, mapping, readErrors: table.errors }, inputWarnings) }
  }
  const plan = format === 'vcard' ? importVCards(text, onProgress) : readBackup(text, onProgress)
  plan.warnings.unshift(...inputWarnings)
  return { format, inputWarnings, plan }
}

/** Applies a (new) column mapping to the rows already read. */
export function planCsv(csv: NonNullable<ImportSession['csv']>, inputWarnings: ImportSession['inputWarnings'], mapping: CsvMapping = csv.mapping, onProgress?: Progress): Pick<ImportSession, 'plan' | 'csv'> {
  const fitted = csv.headers.map((_, column) => mapping[column] ?? 'ignore')
  // Rows that did not parse are errors whatever the mapping, so they are only reported.
  const plan = csv.readErrors.length > 0 ? { records: [], notes: [], warnings: [], errors: [] } : rowsToContacts(csv.rows, fitted, onProgress)
  plan.errors.unshift(...csv.readErrors)
  plan.warnings.unshift(...inputWarnings)
  return { plan, csv: { ...csv, mapping: fitted } }
}
