import { next as A } from '@automerge/automerge'
import { Repo, type DocHandle } from '@automerge/automerge-repo'
import { pmDocFromSpans, pmNodeToSpans } from '@automerge/prosemirror'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import type { Node as PmNode } from 'prosemirror-model'
import { redo, undo } from 'prosemirror-history'
import { TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { goToNextCell } from 'prosemirror-tables'
import { afterEach, describe, expect, it } from 'vitest'
import { toggleHeading } from '../../notes/editor/commands'
import { projectSchema, projectSchemaAdapter } from './projectSchema'
import { addColumnAfter, addRowAfter, deleteColumn, deleteRow, insertTable } from './tableCommands'
import { bodyBlocks, bodySpans, createProjectHandle, mountProjectEditor } from './testProjectEditor'

let cleanup: Array<() => void> = []
afterEach(() => {
  for (const fn of cleanup) fn()
  cleanup = []
})

function mount(handle: DocHandle<ProjectDoc>) {
  const editor = mountProjectEditor(handle)
  cleanup.push(editor.destroy)
  return editor
}

/** Cell texts row by row, of the first table in a ProseMirror doc. */
function tableTexts(doc: PmNode): string[][] {
  let rows: string[][] = []
  doc.descendants((node) => {
    if (node.type.name !== 'table') return true
    if (rows.length === 0) rows = Array.from({ length: node.childCount }, (_, r) => node.child(r).content.content.map((cell) => cell.textContent))
    return false
  })
  return rows
}

function selectLastCell(view: EditorView) {
  let pos = 0
  view.state.doc.descendants((node, at) => {
    if (node.type.name === 'table_cell' || node.type.name === 'table_header') pos = at + 2
  })
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)))
}

/**
 * A node as JSON without `isAmgBlock`, the library's note of whether a node already has its own
 * block marker: a block the editor just made gets its marker in the document at once but may keep
 * `isAmgBlock: false` in the view, which changes nothing it shows or writes.
 */
function withoutBlockFlags(node: PmNode): unknown {
  return JSON.parse(JSON.stringify(node.toJSON()), (key, value: unknown) => (key === 'isAmgBlock' ? undefined : value))
}

/** The body read back from its Automerge spans equals what the editor shows. */
function expectDocMatchesSpans(handle: DocHandle<ProjectDoc>, doc: PmNode) {
  const fromSpans = pmDocFromSpans(projectSchemaAdapter, bodySpans(handle))
  expect(withoutBlockFlags(fromSpans)).toEqual(withoutBlockFlags(doc))
}

describe('project body tables in Automerge', () => {
  it('gives a new table a marker per table, row and cell, nested through parents', () => {
    const handle = createProjectHandle()
    const editor = mount(handle)
    editor.type('Timings')
    editor.run(insertTable(2, 2))

    expect(bodyBlocks(handle).map(({ type, parents }) => [type, parents.join('/')])).toEqual([
      ['paragraph', ''],
      ['table', ''],
      ['table-row', 'table'],
      ['table-header', 'table/table-row'],
      ['table-header', 'table/table-row'],
      ['table-row', 'table'],
      ['table-cell', 'table/table-row'],
      ['table-cell', 'table/table-row'],
      ['paragraph', ''],
    ])
    expectDocMatchesSpans(handle, editor.view.state.doc)
  })

  it('round-trips a table through spans: typing, Tab between cells, rows and columns added and removed', () => {
    const handle = createProjectHandle()
    const editor = mount(handle)
    editor.run(insertTable(2, 2))
    editor.type('Time')
    editor.run(goToNextCell(1))
    editor.type('Activity')
    editor.run(goToNextCell(1))
    editor.type('10 min')
    editor.run(goToNextCell(1))
    editor.type('Starter')
    editor.run(addRowAfter)
    editor.run(addColumnAfter)
    expect(tableTexts(editor.view.state.doc)).toEqual([
      ['Time', 'Activity', ''],
      ['10 min', 'Starter', ''],
      ['', '', ''],
    ])
    expectDocMatchesSpans(handle, editor.view.state.doc)

    selectLastCell(editor.view)
    editor.run(deleteColumn)
    selectLastCell(editor.view)
    editor.run(deleteRow)
    expect(tableTexts(editor.view.state.doc)).toEqual([
      ['Time', 'Activity'],
      ['10 min', 'Starter'],
    ])
    expectDocMatchesSpans(handle, editor.view.state.doc)

    // A fresh editor on the same document shows the same table.
    const reopened = mount(handle)
    expect(withoutBlockFlags(reopened.view.state.doc)).toEqual(withoutBlockFlags(editor.view.state.doc))
  })

  it('round-trips a document with every block kind, a two-paragraph cell and a spanning cell (PM → spans → PM)', () => {
    const s = projectSchema
    const amg = { isAmgBlock: true }
    const p = (text: string) => s.nodes.paragraph!.create(null, text ? s.text(text) : null)
    const cell = (attrs: Record<string, unknown>, ...paragraphs: PmNode[]) => s.nodes.table_cell!.create({ ...amg, ...attrs }, paragraphs)
    const doc = s.nodes.doc!.create(null, [
      s.nodes.heading!.create({ level: 2 }, s.text('Plan')),
      s.nodes.table!.create(amg, [
        s.nodes.table_row!.create(amg, [s.nodes.table_header!.create(amg, p('Step')), s.nodes.table_header!.create(amg, p('Notes'))]),
        s.nodes.table_row!.create(amg, [cell({}, p('Warm-up'), p('pairs')), cell({}, p(''))]),
        s.nodes.table_row!.create(amg, [cell({ colspan: 2 }, p('Plenary'))]),
      ]),
      s.nodes.table!.create(amg, [s.nodes.table_row!.create(amg, [cell({}, p('second table'))])]),
      s.nodes.bullet_list!.create(null, s.nodes.list_item!.create(null, p('bring scissors'))),
    ])
    const spans = pmNodeToSpans(projectSchemaAdapter, doc)
    const back = pmDocFromSpans(projectSchemaAdapter, spans as A.Span[])
    expect(pmNodeToSpans(projectSchemaAdapter, back)).toEqual(spans)
    expect(back.textContent).toBe(doc.textContent)
    expect(back.childCount).toBe(4)
    expect(tableTexts(back)).toEqual([['Step', 'Notes'], ['Warm-uppairs', ''], ['Plenary']])
    const spanning = back.child(1).child(2).child(0)
    expect(spanning.attrs.colspan).toBe(2)
    expect(back.child(1).child(1).child(0).childCount).toBe(2)
  })

  it('merges concurrent edits in different cells of the same table', () => {
    const repoA = new Repo({ network: [] })
    const repoB = new Repo({ network: [] })
    const handleA = createProjectHandle(repoA)
    const editorA = mount(handleA)
    editorA.run(insertTable(2, 2))
    const handleB = repoB.import<ProjectDoc>(A.save(handleA.doc()))
    const editorB = mount(handleB)

    // A types in the first header cell, B in the last body cell and adds a row, at the same time.
    editorA.type('Objective')
    selectLastCell(editorB.view)
    editorB.type('Exit ticket')
    editorB.run(addRowAfter)

    handleA.merge(handleB)
    handleB.merge(handleA)
    const expected = [
      ['Objective', ''],
      ['', 'Exit ticket'],
      ['', ''],
    ]
    expect(tableTexts(editorA.view.state.doc)).toEqual(expected)
    expect(tableTexts(editorB.view.state.doc)).toEqual(expected)
    expect(withoutBlockFlags(editorA.view.state.doc)).toEqual(withoutBlockFlags(editorB.view.state.doc))
    expectDocMatchesSpans(handleA, editorA.view.state.doc)
  })

  it('keeps headings and lists working in the project schema (note commands by name)', () => {
    const handle = createProjectHandle()
    const editor = mount(handle)
    editor.type('Goals')
    editor.run(toggleHeading(1))
    editor.view.dispatch(editor.view.state.tr.insert(editor.view.state.doc.content.size, projectSchema.nodes.paragraph!.create()))
    editor.view.dispatch(editor.view.state.tr.setSelection(TextSelection.atEnd(editor.view.state.doc)))
    editor.type('-')
    editor.type(' ')
    editor.type('read')
    expect(bodyBlocks(handle).map((b) => b.type)).toEqual(['heading', 'unordered-list-item'])
  })

  it('undoes and redoes a table insertion, in the document too', () => {
    const handle = createProjectHandle()
    const editor = mount(handle)
    editor.type('Before')
    editor.run(insertTable(2, 3))
    editor.type('cell')
    // Typing right after the insertion joins its undo step.
    editor.run(undo)
    expect(bodyBlocks(handle).some((b) => b.type.startsWith('table'))).toBe(false)
    expect(editor.view.state.doc.textContent).toBe('Before')
    expectDocMatchesSpans(handle, editor.view.state.doc)
    editor.run(redo)
    expect(bodyBlocks(handle).filter((b) => b.type === 'table-row')).toHaveLength(2)
    expect(tableTexts(editor.view.state.doc)).toEqual([
      ['cell', '', ''],
      ['', '', ''],
    ])
    expectDocMatchesSpans(handle, editor.view.state.doc)
  })

  it('refuses a table inside a table or a list', () => {
    const handle = createProjectHandle()
    const editor = mount(handle)
    editor.run(insertTable(2, 2))
    expect(insertTable()(editor.view.state)).toBe(false)
  })
})
