import { importLimits, type ImportCounts, type ImportPreview, type ImportSampleRow } from '@shared/api/io'
import { sampleOf } from './ImportPlan'
import type { ImportSession } from './ImportSessions'

/** What the preview screen shows for a session; `skipped` counts records the profile already has. */
export function previewOf(session: ImportSession, skipped: ImportCounts): ImportPreview {
  const { plan } = session
  const counts: ImportCounts = {}
  for (const record of plan.records) counts[record.kind] = (counts[record.kind] ?? 0) + 1
  if (plan.notes.length > 0) counts.note = plan.notes.length
  for (const [kind, n] of Object.entries(skipped) as Array<[keyof ImportCounts, number]>) {
    const left = (counts[kind] ?? 0) - n
    if (left > 0) counts[kind] = left
    else delete counts[kind]
  }
  const sample: ImportSampleRow[] = plan.records.slice(0, importLimits.sampleRows).map(sampleOf)
  for (const note of plan.notes.slice(0, Math.max(0, importLimits.sampleRows - sample.length))) sample.push({ kind: 'note', title: note.title || 'Untitled note', detail: '' })
  const total = plan.records.length + plan.notes.length
  return {
    importId: session.id,
    format: session.format,
    counts,
    skipped,
    sample,
    warnings: plan.warnings.slice(0, importLimits.maxMessages),
    errors: plan.errors.slice(0, importLimits.maxMessages),
    warningCount: plan.warnings.length,
    errorCount: plan.errors.length,
    canCommit: plan.errors.length === 0 && total > 0,
    csv: session.csv ? { headers: session.csv.headers, mapping: session.csv.mapping, rows: session.csv.rows.slice(0, importLimits.sampleRows).map((row) => row.cells) } : undefined,
  }
}
