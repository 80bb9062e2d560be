import { next as A } from '@automerge/automerge'
import { limits } from '@shared/limits'
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { Plugin, TextSelection } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import { afterEach, describe, expect, it } from 'vitest'
import { renderWithProviders, TestProviders } from '../../../test/render'
import { ProjectEditor, projectPasteRefusedMessage } from './ProjectEditor'
import { bodyBlocks, bodySpans, createProjectHandle } from './testProjectEditor'

function pasteEvent(data: { text?: string; html?: string }): Event {
  const event = new Event('paste', { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'clipboardData', {
    value: { getData: (type: string) => (type === 'text/plain' ? (data.text ?? '') : type === 'text/html' ? (data.html ?? '') : '') },
  })
  return event
}

function bodyText(handle: ReturnType<typeof createProjectHandle>): string {
  return bodySpans(handle)
    .map((span) => (span.type === 'text' ? span.value : ''))
    .join('')
}

async function renderEditor(props: Partial<Parameters<typeof ProjectEditor>[0]> = {}) {
  const handle = props.handle ?? createProjectHandle()
  let view: EditorView | null = null
  const result = renderWithProviders(<ProjectEditor handle={handle} onView={(v) => (view = v)} {...props} />)
  const body = await screen.findByRole('textbox', { name: 'Project body' })
  await waitFor(() => expect(view).not.toBeNull())
  return { handle, body, view: view as unknown as EditorView, ...result }
}

function placeCursorAtEnd(view: EditorView) {
  view.dispatch(view.state.tr.setSelection(TextSelection.atEnd(view.state.doc)))
}

declare global {
  interface Window {
    pastedScriptRan?: boolean
  }
}

afterEach(() => {
  delete window.pastedScriptRan
})

describe('ProjectEditor', () => {
  it('is a labelled textbox with a formatting toolbar that inserts tables and edits rows and columns', async () => {
    const { handle, body, view } = await renderEditor()
    expect(body.getAttribute('aria-readonly')).toBe('false')
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting' })
    for (const name of ['Bold', 'Heading 1', 'Bulleted list', 'Checklist', 'Add link', 'Insert table']) {
      expect(toolbar.querySelector(`[aria-label="${name}"]`)).not.toBeNull()
    }
    expect(screen.queryByRole('button', { name: 'Add row below' })).toBeNull()

    view.focus()
    fireEvent.click(screen.getByRole('button', { name: 'Insert table' }))
    expect(body.querySelectorAll('table tr')).toHaveLength(3)
    expect(body.querySelectorAll('th')).toHaveLength(3)
    fireEvent.click(await screen.findByRole('button', { name: 'Add row below' }))
    fireEvent.click(screen.getByRole('button', { name: 'Add column to the right' }))
    expect(body.querySelectorAll('table tr')).toHaveLength(4)
    expect(body.querySelectorAll('table tr:first-child th')).toHaveLength(4)
    expect(bodyBlocks(handle).filter((b) => b.type === 'table-row')).toHaveLength(4)
    fireEvent.click(screen.getByRole('button', { name: 'Delete table' }))
    expect(body.querySelector('table')).toBeNull()
  }, 20_000)

  it('is read-only for a viewer: no toolbar, not editable, and says so', async () => {
    const handle = createProjectHandle()
    handle.change((doc) => A.splice(doc, ['body'], 0, 0, 'Fixed text'))
    const { body, view } = await renderEditor({ handle, readOnly: true })
    expect(screen.queryByRole('toolbar')).toBeNull()
    expect(body.getAttribute('aria-readonly')).toBe('true')
    expect(body.getAttribute('contenteditable')).toBe('false')
    expect(view.editable).toBe(false)
    expect(body.textContent).toBe('Fixed text')
  })

  it('turns read-only on and off without a new editor', async () => {
    const { body, view, rerender, handle } = await renderEditor()
    rerender(<TestProviders><ProjectEditor handle={handle} readOnly /></TestProviders>)
    await waitFor(() => expect(body.getAttribute('contenteditable')).toBe('false'))
    expect(body.getAttribute('aria-readonly')).toBe('true')
    rerender(<TestProviders><ProjectEditor handle={handle} readOnly={false} /></TestProviders>)
    await waitFor(() => expect(body.getAttribute('contenteditable')).toBe('true'))
    expect(view.isDestroyed).toBe(false)
  })

  it('adds plugins given later (comment highlights) without losing the text', async () => {
    const { view, rerender, handle } = await renderEditor()
    view.dispatch(view.state.tr.insertText('highlight me'))
    const highlight = new Plugin({
      props: { decorations: (state) => DecorationSet.create(state.doc, [Decoration.inline(1, 10, { class: 'comment-mark' })]) },
    })
    rerender(<TestProviders><ProjectEditor handle={handle} plugins={[highlight]} /></TestProviders>)
    await waitFor(() => expect(view.dom.querySelector('.comment-mark')?.textContent).toBe('highlight'))
    view.dispatch(view.state.tr.insertText('!'))
    expect(bodyText(handle)).toBe('highlight me!')
  })
})

describe('ProjectEditor with bad input', () => {
  it('pastes HTML with scripts, event handlers, javascript: links and remote images as plain safe text', async () => {
    const { handle, body, view } = await renderEditor()
    view.dispatch(view.state.tr.insertText('Start. '))
    placeCursorAtEnd(view)
    const html = [
      '<p>Intro<script>window.pastedScriptRan = true</script></p>',
      '<p><img src="http://remote.example/track.png" onerror="window.pastedScriptRan = true">after image</p>',
      '<p><a href="javascript:window.pastedScriptRan = true">bad link</a> and <a href="https://example.org/ok" onclick="window.pastedScriptRan = true">good link</a></p>',
      '<svg onload="window.pastedScriptRan = true"><text>svg</text></svg>',
      '<iframe src="http://remote.example/"></iframe>',
    ].join('')
    body.dispatchEvent(pasteEvent({ text: 'Intro after image bad link and good link', html }))
    await new Promise((resolve) => setTimeout(resolve, 50))

    expect(window.pastedScriptRan).toBeUndefined()
    expect(body.querySelector('img, script, iframe, svg, [onerror], [onclick], [onload]')).toBeNull()
    const links = [...body.querySelectorAll('a')]
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org/ok'])
    expect(links[0]!.getAttribute('rel')).toContain('noopener')
    const text = bodyText(handle)
    for (const part of ['Start.', 'Intro', 'after image', 'bad link', 'good link']) expect(text).toContain(part)
    expect(text).not.toContain('pastedScriptRan')
  })

  it('pastes an HTML table as a table with its rows kept in the document', async () => {
    const { handle, body } = await renderEditor()
    body.dispatchEvent(pasteEvent({ text: 'a b c d', html: '<table><tr><th>a</th><th>b</th></tr><tr><td>c</td><td>d</td></tr></table>' }))
    await waitFor(() => expect(body.querySelectorAll('tr')).toHaveLength(2))
    expect(bodyBlocks(handle).filter((b) => b.type === 'table-row')).toHaveLength(2)
    expect(bodyText(handle)).toBe('abcd')
  })

  it('takes a 50,000-character single line', async () => {
    const { handle, body } = await renderEditor()
    const line = 'lesson '.repeat(7143).slice(0, 50_000)
    const event = pasteEvent({ text: line })
    body.dispatchEvent(event)
    await waitFor(() => expect(bodyText(handle)).toBe(line))
    expect(body.textContent).toBe(line)
  })

  it('refuses a paste above the limit with a toast, and the document keeps its text', async () => {
    const handle = createProjectHandle()
    handle.change((doc) => A.splice(doc, ['body'], 0, 0, 'keep me'))
    const before = A.getHeads(handle.doc())
    const { body } = await renderEditor({ handle })
    const huge = 'x'.repeat(limits.pasteChars + 1)
    const event = pasteEvent({ text: huge, html: `<p>${huge}</p>` })
    act(() => {
      body.dispatchEvent(event)
    })
    expect(event.defaultPrevented).toBe(true)
    expect(await screen.findByText(projectPasteRefusedMessage(huge.length))).toBeTruthy()
    expect(bodyText(handle)).toBe('keep me')
    expect(A.getHeads(handle.doc())).toEqual(before)
    expect(body.textContent).toBe('keep me')
  })
})
