import type { ImportMessage, ImportSampleRow } from '@shared/api/io'
import type { FieldsOf, RecordKind, RecordMeta } from '@shared/network/records'

/** A record an import will write: validated fields, and for a backup its original id and times. */
export type PlannedRecord = {
  [K in RecordKind]: { kind: K; fields: FieldsOf<K>; line?: number; meta?: RecordMeta }
}[RecordKind]

/** A note from a backup: its Automerge document, saved whole (history and formatting included). */
export interface PlannedNote {
  id: string
  title: string
  binary: Uint8Array
}

/** Everything an import would do, built and validated before anything is written. */
export interface ImportPlan {
  records: PlannedRecord[]
  notes: PlannedNote[]
  warnings: ImportMessage[]
  errors: ImportMessage[]
}

export function emptyPlan(): ImportPlan {
  return { records: [], notes: [], warnings: [], errors: [] }
}

/** The preview's sample line for a planned record. */
export function sampleOf(record: PlannedRecord): ImportSampleRow {
  const line = record.line
  switch (record.kind) {
    case 'contact': {
      const f = record.fields
      const email = f.channels.find((c) => c.kind === 'email')?.value ?? f.channels[0]?.value ?? ''
      return { line, kind: 'contact', title: f.name, detail: [email, f.organisation].filter(Boolean).join(' · ') }
    }
    case 'interaction':
      return { line, kind: 'interaction', title: record.fields.summary.slice(0, 120) || record.fields.kind, detail: record.fields.date }
    case 'community':
      return { line, kind: 'community', title: record.fields.name, detail: record.fields.type }
    case 'event':
      return { line, kind: 'event', title: record.fields.title, detail: record.fields.startsAt }
    case 'goal':
      return { line, kind: 'goal', title: record.fields.title, detail: record.fields.status }
    case 'journal':
      return { line, kind: 'journal', title: record.fields.title || record.fields.date, detail: record.fields.date }
    case 'resource':
      return { line, kind: 'resource', title: record.fields.title, detail: `${record.fields.direction} · ${record.fields.date}` }
    case 'reading':
      return { line, kind: 'reading', title: record.fields.title, detail: record.fields.status }
    case 'feed':
      return { line, kind: 'feed', title: record.fields.title || record.fields.url, detail: record.fields.url }
    case 'checkin':
      return { line, kind: 'checkin', title: `Check-in ${record.fields.date}`, detail: `${record.fields.periodStart} – ${record.fields.periodEnd}` }
  }
}
