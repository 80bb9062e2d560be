import { Repo, type DocHandle } from '@automerge/automerge-repo'
import type { DocHandle as PmDocHandle } from '@automerge/prosemirror'
import { noteSchemaVersion, type NoteDoc } from '@shared/notes/NoteDoc'
import type { Command } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { createNoteEditorState } from './createNoteEditorState'
import { createTaskItemView } from './taskItemView'

export function createNoteHandle(repo = new Repo({ network: [] })): DocHandle<NoteDoc> {
  return repo.create<NoteDoc>({
    kind: 'note',
    schemaVersion: noteSchemaVersion,
    title: '',
    body: '',
    tags: [],
    pinned: false,
    trashedAt: null,
    createdAt: Date.now(),
  })
}

/** A real EditorView on a real DocHandle, as the RichTextEditor builds it, mounted in jsdom. */
export function mountEditor(handle: DocHandle<NoteDoc>, onPasteRefused: (chars: number) => void = () => undefined) {
  const mount = document.createElement('div')
  document.body.append(mount)
  const view: EditorView = new EditorView(
    { mount },
    {
      state: createNoteEditorState(handle as unknown as PmDocHandle<NoteDoc>, { onPasteRefused }),
      nodeViews: { task_item: (node, v, getPos) => createTaskItemView(node, v, getPos) },
    },
  )
  return {
    view,
    run: (command: Command) => command(view.state, view.dispatch),
    type(text: string) {
      const { from, to } = view.state.selection
      // Route through input rules as real typing does; fall back to a plain insert.
      const handled = view.someProp('handleTextInput', (f) => f(view, from, to, text, () => view.state.tr.insertText(text, from, to)))
      if (!handled) view.dispatch(view.state.tr.insertText(text, from, to))
    },
    destroy() {
      view.destroy()
      mount.remove()
    },
  }
}
