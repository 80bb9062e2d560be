import { pmDocFromSpans } from '@automerge/prosemirror'
import { splitBlock } from 'prosemirror-commands'
import type { Node as PmNode } from 'prosemirror-model'
import { TextSelection } from 'prosemirror-state'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { projectSchema, projectSchemaAdapter } from './projectSchema'
import { bodySpans, createProjectHandle, mountProjectEditor } from './testProjectEditor'

let cleanup: Array<() => void> = []
afterEach(() => {
  for (const fn of cleanup) fn()
  cleanup = []
  vi.restoreAllMocks()
})

function withoutBlockFlags(node: PmNode): unknown {
  return JSON.parse(JSON.stringify(node.toJSON()), (key, value: unknown) => (key === 'isAmgBlock' ? undefined : value))
}

describe('a long project body', () => {
  it('takes 250 pasted paragraphs, then Enter and typing, where the sync check of @automerge/prosemirror throws, and stays equal to the document', () => {
    const paragraphs = Array.from({ length: 250 }, (_, i) =>
      projectSchema.nodes.paragraph!.create(null, projectSchema.text(`Paragraph ${i}: what the class does and why, in a sentence or two.`)),
    )
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const handle = createProjectHandle()
    const editor = mountProjectEditor(handle)
    cleanup.push(editor.destroy)
    // Pasted in one go, as a teacher pastes a long plan: the paragraphs are new to the document.
    editor.view.dispatch(editor.view.state.tr.replaceWith(0, editor.view.state.doc.content.size, paragraphs))
    expect(editor.view.state.doc.content.size).toBeGreaterThan(15_000)
    expect(withoutBlockFlags(pmDocFromSpans(projectSchemaAdapter, bodySpans(handle)))).toEqual(withoutBlockFlags(editor.view.state.doc))

    const view = editor.view
    view.dispatch(view.state.tr.setSelection(TextSelection.atEnd(view.state.doc)))
    editor.run(splitBlock)
    editor.type('A new line after the tenth paragraph.')
    editor.run(splitBlock)
    editor.type('And another.')

    expect(view.state.doc.childCount).toBe(252)
    expect(view.state.doc.child(250).textContent).toBe('A new line after the tenth paragraph.')
    expect(view.state.doc.child(251).textContent).toBe('And another.')
    expect(withoutBlockFlags(pmDocFromSpans(projectSchemaAdapter, bodySpans(handle)))).toEqual(withoutBlockFlags(view.state.doc))
    // The library's check did throw here (prosemirror-changeset's path for ranges over 10,000
    // tokens); without resilientSyncPlugin the paste itself throws and the view falls behind.
    expect(warn).toHaveBeenCalled()
  }, 30_000)
})
