import { z } from 'zod'
import type { RecordKind } from '../network/records'

/**
 * Import and export. Every import is two steps, so nothing is written until the user has seen
 * what will happen:
 *   1. `io.previewImport({format, text | base64})` reads and validates the whole file and returns
 *      an `importId`, counts, sample rows, warnings and errors (each naming its line or record).
 *      For CSV it also returns the headers, a guessed column mapping and the first rows;
 *      `io.remapImport({importId, mapping})` re-validates with another mapping.
 *   2. `io.commitImport({importId, mapping?})` writes everything or nothing; it refuses while the
 *      preview has errors. `progress` events ({task: 'import', done, total}) report long work.
 * `io.cancelImport` forgets a preview (previews also expire after 30 minutes).
 * Exports return the file's text with a suggested name and MIME type; the shell saves it.
 */

export const importLimits = {
  /** The largest file accepted, in bytes (also checked on base64 and text length). */
  maxBytes: 50 * 1024 * 1024,
  /** Rows or records returned in a preview. */
  sampleRows: 20,
  /** Warnings or errors returned in a preview (the total is given too). */
  maxMessages: 100,
} as const

export const importFormats = ['vcard', 'csv', 'backup'] as const
export type ImportFormat = (typeof importFormats)[number]

export const exportFormats = [
  'contacts.vcard4',
  'contacts.vcard3',
  'contacts.csv',
  'interactions.csv',
  'calendar.ics',
  'journal.md',
  'notes.md',
  'backup.json',
] as const
export type ExportFormat = (typeof exportFormats)[number]

/** Contact fields a CSV column can fill; 'ignore' leaves the column out. */
export const csvTargets = [
  'ignore',
  'name',
  'givenName',
  'familyName',
  'email',
  'phone',
  'website',
  'social',
  'organisation',
  'role',
  'pronouns',
  'location',
  'subjects',
  'gradeLevels',
  'interests',
  'tags',
  'notes',
  'metHow',
  'metWhere',
] as const
export type CsvTarget = (typeof csvTargets)[number]

/** One target per CSV column, in column order. */
export const csvMapping = z.array(z.enum(csvTargets)).max(1000)
export type CsvMapping = z.infer<typeof csvMapping>

/** A problem or remark about the input; `line` is 1-based in the file, `record` names a record (backup). */
export interface ImportMessage {
  line?: number
  record?: string
  message: string
}

export type ImportCounts = Partial<Record<RecordKind | 'note', number>>

export interface ImportSampleRow {
  line?: number
  kind: RecordKind | 'note'
  title: string
  /** A short second line, e.g. "jane@example.org · Hillside School". */
  detail: string
}

export interface CsvPreview {
  headers: string[]
  mapping: CsvMapping
  /** The first rows as read, for the mapping table. */
  rows: string[][]
}

export interface ImportPreview {
  importId: string
  format: ImportFormat
  /** Records that would be created. */
  counts: ImportCounts
  /** Records already in the profile (same id, from a backup), which are left as they are. */
  skipped: ImportCounts
  sample: ImportSampleRow[]
  warnings: ImportMessage[]
  errors: ImportMessage[]
  /** Totals before truncating `warnings`/`errors` to importLimits.maxMessages. */
  warningCount: number
  errorCount: number
  canCommit: boolean
  csv?: CsvPreview
}

export interface ExportFile {
  fileName: string
  mimeType: string
  text: string
}

const importId = z.string().min(1).max(100)

export const ioArgs = {
  'io.previewImport': z
    .object({
      format: z.enum(importFormats),
      // The size limit is checked by the core with a message that says what to do.
      text: z.string().optional(),
      base64: z.string().optional(),
    })
    .refine((args) => (args.text === undefined) !== (args.base64 === undefined), 'Give the file as text or as base64, not both'),
  'io.remapImport': z.object({ importId, mapping: csvMapping }),
  'io.commitImport': z.object({ importId, mapping: csvMapping.optional() }),
  'io.cancelImport': z.object({ importId }),
  'io.export': z.object({
    format: z.enum(exportFormats),
    /** Only these records (contacts, interactions); all live ones when left out. */
    ids: z.array(z.string().min(1).max(64)).max(100_000).optional(),
  }),
}

export interface IoResults {
  'io.previewImport': ImportPreview
  'io.remapImport': ImportPreview
  'io.commitImport': { created: ImportCounts; skipped: ImportCounts }
  'io.cancelImport': { cancelled: boolean }
  'io.export': ExportFile
}
