import { randomUUID } from 'node:crypto'
import * as A from '@automerge/automerge'
import { isValidDocumentId, type DocumentId } from '@automerge/automerge-repo'
import type { ImportCounts } from '@shared/api/io'
import { recordKinds, type RecordKind, type RecordOf } from '@shared/network/records'
import type { StoredNote } from '@shared/notes/migrateNote'
import type { CoreContext } from '../api/CoreContext'
import { workspaceNotes } from '../workspace/openWorkspace'
import type { ImportPlan, PlannedRecord } from './ImportPlan'
import { existingIds } from './profileData'

/** Records are written in slices so progress can be reported; each slice is one change per shard. */
const sliceSize = 2_000

export interface WriteResult {
  created: ImportCounts
  skipped: ImportCounts
}

/**
 * Writes a fully validated plan. Everything that can fail on the content (parsing, schemas,
 * limits) has failed before this point, so a plan with errors never reaches here and nothing is
 * half-imported because of bad input. Records keep their backup ids and times, or get new ones;
 * a record whose id the profile already has is left as it is (restoring twice changes nothing).
 * Notes from a backup are whole Automerge documents: a new one is imported under its own id, one
 * the profile already has is merged, so nothing typed since the backup is lost.
 */
export async function writeImport(ctx: CoreContext, plan: ImportPlan, onProgress: (done: number, total: number) => void, now = Date.now()): Promise<WriteResult> {
  const created: ImportCounts = {}
  const skipped: ImportCounts = {}
  const total = plan.records.length + plan.notes.length
  let done = 0
  onProgress(0, total)
  for (const kind of recordKinds) {
    const planned = plan.records.filter((record) => record.kind === kind)
    if (planned.length === 0) continue
    const existing = planned.some((record) => record.meta) ? await existingIds(ctx, kind) : new Set<string>()
    const fresh = planned.map((record) => toRecord(record, now)).filter((record) => !existing.has(record.id))
    for (let start = 0; start < fresh.length; start += sliceSize) {
      await ctx.network.store.createMany(kind, fresh.slice(start, start + sliceSize) as Array<RecordOf<typeof kind>>)
      onProgress(done + Math.min(fresh.length, start + sliceSize), total)
    }
    done += planned.length
    count(created, kind, fresh.length)
    count(skipped, kind, planned.length - fresh.length)
  }
  const listed = workspaceNotes(ctx.workspace)
  for (const note of plan.notes) {
    const url = listed.get(note.id)
    if (url) {
      const handle = await ctx.repo.find<StoredNote>(url)
      handle.update((doc) => A.merge(doc, A.load<StoredNote>(note.binary)))
      count(skipped, 'note', 1)
    } else {
      // Keep the note's document id where it is valid, so a later restore merges into it.
      const handle = ctx.repo.import<StoredNote>(note.binary, isValidDocumentId(note.id) ? { docId: note.id as DocumentId } : undefined)
      ctx.workspace.change((workspace) => {
        workspace.notes[handle.documentId] = handle.url
      })
      count(created, 'note', 1)
    }
    onProgress(++done, total)
  }
  ctx.network.indexer.flushPending()
  ctx.indexer.flushPending()
  onProgress(total, total)
  return { created, skipped }
}

function toRecord(record: PlannedRecord, now: number): RecordOf<RecordKind> {
  const meta = record.meta ?? { id: randomUUID(), createdAt: now, updatedAt: now, deletedAt: null }
  return { ...record.fields, ...meta } as RecordOf<RecordKind>
}

function count(counts: ImportCounts, kind: RecordKind | 'note', n: number): void {
  if (n > 0) counts[kind] = (counts[kind] ?? 0) + n
}
