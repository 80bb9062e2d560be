import { next as A } from '@automerge/automerge'
import { TextSelection } from 'prosemirror-state'
import { goToNextCell } from 'prosemirror-tables'
import { afterEach, describe, expect, it } from 'vitest'
import { projectSchemaAdapter } from '../editor/projectSchema'
import { insertTable } from '../editor/tableCommands'
import { bodySpans, createProjectHandle, mountProjectEditor } from '../editor/testProjectEditor'
import { amIndexToPmPos, cursorsToSelection, pmPosToAmIndex, selectionToCursors } from './cursorMapping'

let cleanup: Array<() => void> = []
afterEach(() => {
  for (const fn of cleanup) fn()
  cleanup = []
})

function setupBody() {
  const handle = createProjectHandle()
  const editor = mountProjectEditor(handle)
  cleanup.push(editor.destroy)
  editor.type('Plan')
  editor.run(insertTable(2, 2))
  editor.type('Time')
  editor.run(goToNextCell(1))
  editor.type('Task')
  editor.run(goToNextCell(1))
  editor.run(goToNextCell(1))
  editor.type('Notes')
  const end = editor.view.state.doc.content.size - 1
  editor.view.dispatch(editor.view.state.tr.setSelection(TextSelection.create(editor.view.state.doc, end)))
  editor.type('after')
  return { handle, editor }
}

describe('cursor mapping between ProseMirror and Automerge', () => {
  it('maps every caret position in a body with a table to Automerge and back', () => {
    const { handle, editor } = setupBody()
    const doc = editor.view.state.doc
    const spans = bodySpans(handle)
    const carets: number[] = []
    doc.descendants((node, pos) => {
      if (node.isTextblock) for (let p = pos + 1; p <= pos + 1 + node.content.size; p++) carets.push(p)
      return true
    })
    expect(carets.length).toBeGreaterThan(20)
    for (const caret of carets) {
      expect(amIndexToPmPos(projectSchemaAdapter, spans, pmPosToAmIndex(projectSchemaAdapter, spans, caret))).toBe(caret)
    }
  })

  it('keeps a selection on the same text when someone else types before it', () => {
    const { handle, editor } = setupBody()
    const doc = editor.view.state.doc
    let tasksAt = 0
    doc.descendants((node, pos) => {
      if (node.isText && node.text === 'Task') tasksAt = pos
    })
    const cursors = selectionToCursors(handle.doc(), ['body'], projectSchemaAdapter, { anchor: tasksAt, head: tasksAt + 4 })
    editor.view.dispatch(editor.view.state.tr.setSelection(TextSelection.create(editor.view.state.doc, 1)))
    editor.type('Our ')

    const spans = bodySpans(handle)
    const selection = cursorsToSelection(handle.doc(), ['body'], projectSchemaAdapter, spans, cursors)
    expect(selection).not.toBeNull()
    expect(editor.view.state.doc.textBetween(selection!.anchor, selection!.head)).toBe('Task')
  })

  it('gives null for a cursor this document does not know yet', () => {
    const { handle } = setupBody()
    const other = A.from({ body: 'elsewhere' })
    const foreign = A.getCursor(other, ['body'], 3)
    expect(cursorsToSelection(handle.doc(), ['body'], projectSchemaAdapter, bodySpans(handle), { anchor: foreign, head: foreign })).toBeNull()
  })
})
