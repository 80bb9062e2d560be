import { init, type DocHandle } from '@automerge/prosemirror'
import { limits } from '@shared/limits'
import type { NoteDoc } from '@shared/notes/NoteDoc'
import { history } from 'prosemirror-history'
import { EditorState } from 'prosemirror-state'
import { noteInputRules, noteKeymaps } from './commands'
import { linkClickPlugin } from './openExternalLink'
import { pasteGuard } from './pasteGuard'
import { resilientSyncPlugin } from './resilientSyncPlugin'
import { noteSchemaAdapter } from './schema'

export interface NoteEditorStateOptions {
  onPasteRefused: (chars: number) => void
}

/** The body field of a note, as a path for @automerge/prosemirror. */
export const bodyPath = ['body'] as const

/**
 * Builds the ProseMirror state for a note body from its Automerge document. The sync plugin writes
 * local steps to the document and turns remote patches into transactions (see RichTextEditor).
 */
export function createNoteEditorState(handle: DocHandle<NoteDoc>, options: NoteEditorStateOptions): EditorState {
  const { schema, pmDoc, plugin } = init(handle as DocHandle<unknown>, [...bodyPath], { schemaAdapter: noteSchemaAdapter })
  return EditorState.create({
    schema,
    doc: pmDoc,
    plugins: [
      pasteGuard({ maxChars: limits.pasteChars, onRefused: options.onPasteRefused }),
      noteInputRules(),
      ...noteKeymaps(),
      history(),
      linkClickPlugin(),
      // The library's check after a local change can throw on long notes; the view is repaired instead.
      resilientSyncPlugin(plugin, handle as DocHandle<unknown>, noteSchemaAdapter, bodyPath),
    ],
  })
}
