import type { DocHandle as RepoDocHandle } from '@automerge/automerge-repo'
import type { DocHandle } from '@automerge/prosemirror'
import { limits } from '@shared/limits'
import type { NoteDoc } from '@shared/notes/NoteDoc'
import type { EditorState } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { useEffect, useRef, useState } from 'react'
import { showErrorToast } from '../../../app/errorToasts'
import { createNoteEditorState } from './createNoteEditorState'
import classes from './RichTextEditor.module.css'
import { createTaskItemView } from './taskItemView'
import { Toolbar } from './Toolbar'

const numberFormat = new Intl.NumberFormat()

export function pasteRefusedMessage(chars: number): string {
  return `That paste has ${numberFormat.format(chars)} characters; a note takes at most ${numberFormat.format(limits.pasteChars)} at once. Nothing was changed.`
}

export interface RichTextEditorProps {
  handle: RepoDocHandle<NoteDoc>
  /** Accessible name of the editable area. */
  label?: string
}

/** The note body: ProseMirror bound to the note's Automerge document, so edits from other tabs and devices show live. */
export function RichTextEditor({ handle, label = 'Note body' }: RichTextEditorProps) {
  const mountRef = useRef<HTMLDivElement>(null)
  const [view, setView] = useState<EditorView | null>(null)
  const [state, setState] = useState<EditorState | null>(null)

  useEffect(() => {
    const mount = mountRef.current
    if (!mount) return
    const initial = createNoteEditorState(handle as unknown as DocHandle<NoteDoc>, {
      onPasteRefused: (chars) => showErrorToast('Paste refused', pasteRefusedMessage(chars)),
    })
    const editorView: EditorView = new EditorView(
      { mount },
      {
        state: initial,
        nodeViews: { task_item: (node, v, getPos) => createTaskItemView(node, v, getPos) },
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          'data-testid': 'note-body',
          class: classes.prose ?? '',
          spellcheck: 'true',
        },
        dispatchTransaction(tr) {
          const next = editorView.state.apply(tr)
          editorView.updateState(next)
          setState(next)
        },
      },
    )
    setView(editorView)
    setState(initial)
    return () => {
      editorView.destroy()
      setView(null)
      setState(null)
    }
  }, [handle, label])

  return (
    <div className={classes.root}>
      {view && state ? <Toolbar view={view} state={state} /> : null}
      <div className={classes.scroll}>
        <div ref={mountRef} />
      </div>
    </div>
  )
}
