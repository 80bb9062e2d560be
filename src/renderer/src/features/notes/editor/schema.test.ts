import { next as A } from '@automerge/automerge'
import { pmDocFromSpans } from '@automerge/prosemirror'
import { TextSelection } from 'prosemirror-state'
import { afterEach, describe, expect, it } from 'vitest'
import { activeBlock, activeList, removeLink, setLink, toggleBold, toggleHeading, toggleItalic, toggleList } from './commands'
import { noteSchemaAdapter } from './schema'
import { createNoteHandle, mountEditor } from './testEditor'

type Block = { type: string; attrs: Record<string, unknown>; parents: string[] }

function blocksOf(doc: unknown): Block[] {
  return A.spans(doc as A.Doc<unknown>, ['body'])
    .filter((span) => span.type === 'block')
    .map((span) => {
      const value = span.value as { type: unknown; attrs: Record<string, unknown>; parents: unknown[] }
      return { type: String(value.type), attrs: value.attrs, parents: value.parents.map(String) }
    })
}

function textOf(doc: unknown): string {
  return A.spans(doc as A.Doc<unknown>, ['body'])
    .filter((span) => span.type === 'text')
    .map((span) => span.value)
    .join('')
}

let cleanup: Array<() => void> = []
afterEach(() => {
  for (const fn of cleanup) fn()
  cleanup = []
})

function setup() {
  const handle = createNoteHandle()
  const editor = mountEditor(handle)
  cleanup.push(editor.destroy)
  return { handle, editor }
}

describe('note editor schema and commands', () => {
  it('writes typed text into the Automerge body', () => {
    const { handle, editor } = setup()
    editor.type('Lesson ideas')
    expect(textOf(handle.doc())).toBe('Lesson ideas')
  })

  it('turns "# " into a heading block and the toolbar command toggles levels', () => {
    const { handle, editor } = setup()
    editor.type('#')
    editor.type(' ')
    editor.type('Week 1')
    expect(activeBlock(editor.view.state)).toBe('heading1')
    expect(blocksOf(handle.doc())).toEqual([{ type: 'heading', attrs: { level: 1 }, parents: [] }])

    editor.run(toggleHeading(2))
    expect(blocksOf(handle.doc())[0]).toMatchObject({ type: 'heading', attrs: { level: 2 } })
    editor.run(toggleHeading(2))
    expect(activeBlock(editor.view.state)).toBe('paragraph')
    expect(textOf(handle.doc())).toBe('Week 1')
  })

  it('makes bullet, numbered and checklist items with Automerge list blocks', () => {
    const { handle, editor } = setup()
    editor.type('-')
    editor.type(' ')
    editor.type('apples')
    expect(activeList(editor.view.state)).toBe('bullet')
    expect(blocksOf(handle.doc()).map((b) => b.type)).toEqual(['unordered-list-item'])

    editor.run(toggleList('ordered'))
    expect(activeList(editor.view.state)).toBe('ordered')
    expect(blocksOf(handle.doc()).map((b) => b.type)).toEqual(['ordered-list-item'])

    editor.run(toggleList('checklist'))
    expect(activeList(editor.view.state)).toBe('checklist')
    expect(blocksOf(handle.doc())).toEqual([{ type: 'task-list-item', attrs: { checked: false }, parents: [] }])

    editor.run(toggleList('checklist'))
    expect(activeList(editor.view.state)).toBe(null)
    expect(textOf(handle.doc())).toBe('apples')
  })

  it('asking whether a command applies (as the toolbar does) never writes to the document', () => {
    const { handle, editor } = setup()
    editor.type('-')
    editor.type(' ')
    editor.type('pens')
    const before = A.getHeads(handle.doc())
    for (const kind of ['bullet', 'ordered', 'checklist'] as const) expect(toggleList(kind)(editor.view.state)).toBe(true)
    toggleHeading(1)(editor.view.state)
    expect(A.getHeads(handle.doc())).toEqual(before)
  })

  it('keeps a ticked checklist item ticked in the document and after reloading', () => {
    const { handle, editor } = setup()
    editor.type('[')
    editor.type(']')
    editor.type(' ')
    editor.type('mark essays')
    const checkbox = editor.view.dom.querySelector<HTMLInputElement>('li[data-task-item] input[type=checkbox]')
    expect(checkbox).not.toBeNull()
    expect(checkbox!.getAttribute('aria-label')).toBe('Done')
    checkbox!.checked = true
    checkbox!.dispatchEvent(new Event('change'))

    expect(blocksOf(handle.doc())).toEqual([{ type: 'task-list-item', attrs: { checked: true }, parents: [] }])
    const reloaded = pmDocFromSpans(noteSchemaAdapter, A.spans(handle.doc() as A.Doc<unknown>, ['body']))
    expect(reloaded.firstChild?.type.name).toBe('task_list')
    expect(reloaded.firstChild?.firstChild?.attrs.checked).toBe(true)
    expect(editor.view.dom.querySelector('li[data-task-item]')?.getAttribute('data-checked')).toBe('true')
  })

  it('marks bold and italic text', () => {
    const { handle, editor } = setup()
    editor.type('plan the trip')
    const view = editor.view
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 1, 5)))
    editor.run(toggleBold)
    editor.run(toggleItalic)
    const marked = A.spans(handle.doc() as A.Doc<unknown>, ['body']).find((s) => s.type === 'text' && s.value === 'plan')
    expect(marked).toMatchObject({ marks: { strong: true, em: true } })
  })

  it('links only http(s) and mailto addresses, and removes links', () => {
    const { handle, editor } = setup()
    editor.type('syllabus')
    const view = editor.view
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 1, 9)))

    expect(editor.run(setLink('javascript:alert(1)'))).toBe(false)
    expect(editor.run(setLink('https://example.org/plan'))).toBe(true)
    const linked = A.spans(handle.doc() as A.Doc<unknown>, ['body']).find((s) => s.type === 'text')
    expect(JSON.parse(String(linked?.type === 'text' ? linked.marks?.link : undefined))).toMatchObject({ href: 'https://example.org/plan' })
    const anchor = view.dom.querySelector('a')
    expect(anchor?.getAttribute('href')).toBe('https://example.org/plan')
    expect(anchor?.getAttribute('rel')).toContain('noopener')

    editor.run(removeLink)
    expect(view.dom.querySelector('a')).toBeNull()
  })

  it('renders a javascript: link stored by another app as inert text', () => {
    const handle = createNoteHandle()
    handle.change((doc) => {
      A.splice(doc, ['body'], 0, 0, 'click me')
      A.mark(doc, ['body'], { start: 0, end: 8, expand: 'none' }, 'link', JSON.stringify({ href: 'javascript:alert(1)', title: '' }))
    })
    const editor = mountEditor(handle)
    cleanup.push(editor.destroy)
    expect(editor.view.dom.textContent).toBe('click me')
    expect(editor.view.dom.querySelector('a')).toBeNull()
  })

  it('shows text another editor of the same document types (remote patches apply)', () => {
    const handle = createNoteHandle()
    const first = mountEditor(handle)
    const second = mountEditor(handle)
    cleanup.push(first.destroy, second.destroy)
    first.type('shared plan')
    expect(second.view.dom.textContent).toBe('shared plan')
  })
})
