import type { ChangeFn, DocHandle } from '@automerge/automerge-repo'
import type { HandlersFor, NoteSummary } from '@shared/api'
import { ApiError } from '@shared/errors'
import type { NoteDoc } from '@shared/notes/NoteDoc'
import { normaliseTags } from '@shared/notes/tags'
import type { notesArgs } from '@shared/api/notes'
import type { CoreContext } from './CoreContext'
import { createNoteDocument, deleteNoteDocument, findNoteDocument } from './noteDocuments'

type NotesMethod = keyof typeof notesArgs

export function notesHandlers(ctx: CoreContext) {
  /** The index row of a note, after projecting the handle so the answer shows the change just made. */
  function summaryOf(handle: DocHandle<NoteDoc>): NoteSummary {
    ctx.indexer.indexNow(handle)
    const summary = ctx.notesIndex.get(handle.documentId)
    if (!summary) throw new ApiError('not-found', 'This note does not exist (it may have been deleted).')
    return summary
  }

  async function changeNote(id: string, change: ChangeFn<NoteDoc>): Promise<NoteSummary> {
    const handle = await findNoteDocument(ctx, id)
    handle.change(change)
    return summaryOf(handle)
  }

  return {
    'notes.list': ({ filter, tag, limit, offset }) => ctx.notesIndex.list({ filter, tag, limit, offset }),

    'notes.get': ({ id }) => {
      ctx.indexer.flushPending()
      const summary = ctx.notesIndex.get(id)
      if (!summary) throw new ApiError('not-found', 'This note does not exist (it may have been deleted).')
      return summary
    },

    'notes.create': ({ title }) => summaryOf(createNoteDocument(ctx, title ?? '')),

    'notes.setPinned': ({ id, pinned }) =>
      changeNote(id, (doc) => {
        if (doc.pinned !== pinned) doc.pinned = pinned
      }),

    'notes.setTags': ({ id, tags }) =>
      changeNote(id, (doc) => {
        const next = normaliseTags(tags)
        if (JSON.stringify(doc.tags) !== JSON.stringify(next)) doc.tags = next
      }),

    'notes.trash': ({ id }) =>
      changeNote(id, (doc) => {
        if (doc.trashedAt === null) doc.trashedAt = Date.now()
      }),

    'notes.restore': ({ id }) =>
      changeNote(id, (doc) => {
        if (doc.trashedAt !== null) doc.trashedAt = null
      }),

    'notes.deleteForever': ({ id }) => {
      ctx.indexer.flushPending()
      // Deleting for good is only offered from the trash; a live note goes there first.
      if (ctx.notesIndex.get(id)?.trashed === false)
        throw new ApiError('bad-request', 'Move the note to the trash before deleting it for good.')
      deleteNoteDocument(ctx, id)
      return { deleted: true as const }
    },

    'notes.emptyTrash': () => {
      ctx.indexer.flushPending()
      const ids = ctx.notesIndex.idsInTrash()
      for (const id of ids) deleteNoteDocument(ctx, id)
      return { deleted: ids.length }
    },

    'notes.tags': () => {
      ctx.indexer.flushPending()
      return { tags: ctx.notesIndex.tags() }
    },

    'notes.search': ({ text, limit }) => {
      ctx.indexer.flushPending()
      return { hits: ctx.notesIndex.search(text, limit) }
    },
  } satisfies HandlersFor<NotesMethod>
}
