import { isDeepStrictEqual } from 'node:util'
import type { CsvMapping, ImportCounts, ImportFormat, ImportPreview } from '@shared/api/io'
import { countDelta, unclearError, unclearMessage, type FilesCore, type ProfileState } from './filesCore'

export type ImportOutcome = 'imported' | 'refused-at-preview' | 'refused-at-commit' | 'refused-empty'

/** A trial that broke a rule: the test fails with this, naming the rule. */
export class TrialViolation extends Error {}

/**
 * One hostile file through the real import path, as the UI drives it: io.previewImport (base64,
 * as the UI sends a file of unknown encoding), for CSV a re-mapping when no column was guessed as
 * the name, then io.commitImport. Checks: every refusal carries a typed, human error; a refused
 * import changes no document (counts and heads equal); a committed one creates exactly what the
 * preview promised; the core answers afterwards.
 */
export async function runImportTrial(files: FilesCore, format: ImportFormat, bytes: Uint8Array): Promise<ImportOutcome> {
  const before = await files.state()
  const refused = async (outcome: ImportOutcome, error: { code: string; message: string }) => {
    const why = unclearError(error as never)
    if (why) throw new TrialViolation(`${format}: ${why}`)
    const after = await files.state()
    if (!isDeepStrictEqual(before, after)) throw new TrialViolation(`${format}: partial import: refused (${error.message.slice(0, 200)}) yet documents changed: ${changedDocuments(before, after)}`)
    await files.assertResponsive()
    return outcome
  }

  const previewed = await files.dispatch('io.previewImport', { format, base64: Buffer.from(bytes).toString('base64') })
  if (!previewed.ok) return refused('refused-at-preview', previewed.error)
  let preview = previewed.value as ImportPreview
  checkMessages(format, preview)
  if (!isDeepStrictEqual(before, await files.state())) throw new TrialViolation(`${format}: a preview changed the profile`)

  if (preview.csv && !preview.canCommit && !preview.csv.mapping.includes('name') && preview.csv.headers.length > 0) {
    const mapping: CsvMapping = preview.csv.mapping.map((target, column) => (column === 0 ? 'name' : target))
    const remapped = await files.dispatch('io.remapImport', { importId: preview.importId, mapping })
    if (!remapped.ok) {
      await refused('refused-at-preview', remapped.error)
      await files.dispatch('io.cancelImport', { importId: preview.importId })
      return 'refused-at-preview'
    }
    preview = remapped.value as ImportPreview
    checkMessages(format, preview)
  }

  const countsBefore = preview.canCommit ? await files.counts() : undefined
  const committed = await files.dispatch('io.commitImport', { importId: preview.importId })
  if (!committed.ok) {
    if (preview.canCommit) throw new TrialViolation(`${format}: the preview said it could commit, yet commit refused: ${committed.error.code}: ${committed.error.message}`)
    if (committed.error.code !== 'bad-request') throw new TrialViolation(`${format}: a preview with errors was refused as "${committed.error.code}", not bad-request`)
    return refused(preview.errorCount > 0 ? 'refused-at-commit' : 'refused-empty', committed.error)
  }
  if (!preview.canCommit) throw new TrialViolation(`${format}: committed a preview that said it could not be committed`)
  const { created } = committed.value as { created: ImportCounts; skipped: ImportCounts }
  const delta = countDelta(countsBefore!, await files.counts())
  if (!isDeepStrictEqual(withoutZeros(created), delta)) throw new TrialViolation(`${format}: said it created ${JSON.stringify(created)}, the profile changed by ${JSON.stringify(delta)}`)
  if (!isDeepStrictEqual(withoutZeros(preview.counts), delta)) throw new TrialViolation(`${format}: the preview promised ${JSON.stringify(preview.counts)}, the profile changed by ${JSON.stringify(delta)}`)
  await files.assertResponsive()
  return 'imported'
}

function checkMessages(format: ImportFormat, preview: ImportPreview): void {
  const total = [...Object.values(preview.counts), ...Object.values(preview.skipped)].reduce<number>((sum, n) => sum + (n ?? 0), 0)
  if (preview.canCommit !== (preview.errorCount === 0 && total > 0)) {
    throw new TrialViolation(`${format}: canCommit=${preview.canCommit} with ${preview.errorCount} errors, counts ${JSON.stringify(preview.counts)}, skipped ${JSON.stringify(preview.skipped)}`)
  }
  if (preview.errors.length !== Math.min(preview.errorCount, 100)) throw new TrialViolation(`${format}: errorCount ${preview.errorCount} but ${preview.errors.length} errors listed`)
  for (const message of [...preview.errors, ...preview.warnings]) {
    const why = unclearMessage(message.message)
    if (why) throw new TrialViolation(`${format}: preview message: ${why}`)
  }
}

function withoutZeros(counts: ImportCounts): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => (n ?? 0) !== 0)) as Record<string, number>
}

/** Which documents a refused import touched, for the failure message. */
export function changedDocuments(before: ProfileState, after: ProfileState): string {
  const ids = new Set([...Object.keys(before.heads), ...Object.keys(after.heads)])
  const changed = [...ids].filter((id) => before.heads[id] !== after.heads[id]).map((id) => `${id}${before.heads[id] === undefined ? ' (new)' : ''}`)
  return `${changed.join(', ') || 'none'}; notes listed ${before.notes} → ${after.notes}`
}
