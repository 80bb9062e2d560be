import * as A from '@automerge/automerge'
import type { AutomergeUrl } from '@automerge/automerge-repo'
import type { RecordKind, RecordOf } from '@shared/network/records'
import type { StoredNote } from '@shared/notes/migrateNote'
import type { CoreContext } from '../api/CoreContext'
import { decodeRecord } from '@shared/network/recordCodec'
import { workspaceNotes } from '../workspace/openWorkspace'

/**
 * Reads the profile's data from its documents (the truth, not the index) for exports and
 * backups. Records come back as plain JSON as stored (decoded, see recordCodec), deleted ones
 * included; one that does not decode is skipped.
 */
export async function allRecords<K extends RecordKind>(ctx: CoreContext, kind: K): Promise<Array<RecordOf<K>>> {
  const records: Array<RecordOf<K>> = []
  for (const handle of await ctx.network.store.loadCollections(kind)) {
    const stored: unknown = handle.doc().records
    if (typeof stored !== 'object' || stored === null) continue
    for (const [id, raw] of Object.entries(stored)) {
      const record = decodeRecord(raw)
      if (record) records.push({ ...record, id } as RecordOf<K>)
      else console.warn(`staffroom: skipped ${kind} ${id}: not a readable record`)
    }
  }
  return records
}

export async function liveRecords<K extends RecordKind>(ctx: CoreContext, kind: K, ids?: readonly string[]): Promise<Array<RecordOf<K>>> {
  const wanted = ids ? new Set(ids) : undefined
  return (await allRecords(ctx, kind)).filter((record) => record.deletedAt === null && (!wanted || wanted.has(record.id)))
}

export async function existingIds(ctx: CoreContext, kind: RecordKind): Promise<Set<string>> {
  return new Set((await allRecords(ctx, kind)).map((record) => record.id))
}

/** Names by id, for exports that show who or what a record points at. */
export async function namesOf(ctx: CoreContext, kind: 'contact' | 'community' | 'goal' | 'event'): Promise<(id: string) => string | undefined> {
  const names = new Map<string, string>()
  for (const record of await allRecords(ctx, kind)) names.set(record.id, 'name' in record ? record.name : record.title)
  return (id) => names.get(id)
}

export interface LoadedNote {
  id: string
  url: AutomergeUrl
  doc: A.Doc<StoredNote>
}

/** Every note document listed in the workspace that is on this device. */
export async function allNotes(ctx: CoreContext): Promise<LoadedNote[]> {
  const notes: LoadedNote[] = []
  for (const [id, url] of workspaceNotes(ctx.workspace)) {
    try {
      const handle = await ctx.repo.find<StoredNote>(url)
      notes.push({ id, url, doc: handle.doc() })
    } catch {
      // Not on this device yet (listed by another device, not synced): nothing to export.
    }
  }
  return notes
}

/** A note's title as text, whatever the document holds. */
export function noteTitle(doc: A.Doc<StoredNote>): string {
  const title: unknown = doc.title
  if (typeof title === 'string') return title
  return A.isImmutableString(title) ? title.val : ''
}
