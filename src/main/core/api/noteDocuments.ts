import type { DocHandle } from '@automerge/automerge-repo'
import { ApiError } from '@shared/errors'
import { migrateNote, noteNeedsMigration } from '@shared/notes/migrateNote'
import { noteSchemaVersion, type NoteDoc } from '@shared/notes/NoteDoc'
import { workspaceNotes } from '../workspace/openWorkspace'
import type { CoreContext } from './CoreContext'

export function newNote(title: string, now: number): NoteDoc {
  return { kind: 'note', schemaVersion: noteSchemaVersion, title, body: '', tags: [], pinned: false, trashedAt: null, createdAt: now }
}

/** Creates a note document and lists it in the workspace. */
export function createNoteDocument(ctx: CoreContext, title: string): DocHandle<NoteDoc> {
  const handle = ctx.repo.create<NoteDoc>(newNote(title, Date.now()))
  ctx.workspace.change((workspace) => {
    workspace.notes[handle.documentId] = handle.url
  })
  return handle
}

/**
 * The note's document, migrated to the current schema. Only notes listed in the workspace are
 * reachable, so an id from a request can never open some other document.
 */
export async function findNoteDocument(ctx: CoreContext, id: string): Promise<DocHandle<NoteDoc>> {
  const url = workspaceNotes(ctx.workspace).get(id)
  if (!url) throw new ApiError('not-found', 'This note does not exist (it may have been deleted).')
  let handle: DocHandle<NoteDoc>
  try {
    handle = await ctx.repo.find<NoteDoc>(url)
  } catch {
    throw new ApiError('not-found', 'This note is not available on this device yet.')
  }
  if (noteNeedsMigration(handle.doc())) handle.change((doc) => void migrateNote(doc))
  return handle
}

/** Removes a note for good: from the workspace, the repo, storage and the index. */
export function deleteNoteDocument(ctx: CoreContext, id: string): void {
  const url = workspaceNotes(ctx.workspace).get(id)
  if (!url) throw new ApiError('not-found', 'This note does not exist (it may have been deleted).')
  ctx.workspace.change((workspace) => {
    delete workspace.notes[id]
  })
  ctx.repo.delete(url)
  // automerge-repo removes the chunks without waiting; do it now so the deletion is durable on return.
  ctx.storage.removeRangeSync([id])
  ctx.indexer.forget(id)
}
