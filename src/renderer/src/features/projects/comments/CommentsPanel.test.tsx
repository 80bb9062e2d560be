import * as A from '@automerge/automerge'
import { Repo, type DocHandle } from '@automerge/automerge-repo'
import { init, type DocHandle as PmDocHandle } from '@automerge/prosemirror'
import type { CommentThreadView } from '@shared/api/projectComments'
import { anchorRange, resolveAnchor } from '@shared/spaces/commentAnchor'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { EditorState, TextSelection } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../../test/fakePlatform'
import { renderWithProviders } from '../../../test/render'
import { noteSchemaAdapter } from '../../notes/editor/schema'
import { commentHighlights } from './commentHighlights'
import { CommentsPanel } from './CommentsPanel'

type Body = { body: string }
const path = ['body']

describe('CommentsPanel', () => {
  const cleanups: Array<() => void> = []
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup()
  })

  /** A real project body in a real Repo, and a real editor on it with the highlights plugin. */
  function setup() {
    const repo = new Repo({ network: [] })
    const handle = repo.create<Body>({ body: '' })
    handle.change((d) => {
      A.splitBlock(d, path, 0, { type: new A.ImmutableString('heading'), parents: [], attrs: { level: 1 } })
      A.splice(d, path, 1, 0, 'Aims')
      A.splitBlock(d, path, 5, { type: new A.ImmutableString('paragraph'), parents: [], attrs: {} })
      A.splice(d, path, 6, 0, 'The quick brown fox jumps over the lazy dog')
    })
    const { schema, pmDoc, plugin } = init(handle as unknown as PmDocHandle<unknown>, path, { schemaAdapter: noteSchemaAdapter })
    const mount = document.createElement('div')
    document.body.append(mount)
    const view = new EditorView({ mount }, { state: EditorState.create({ schema, doc: pmDoc, plugins: [plugin, commentHighlights()] }) })
    cleanups.push(() => view.destroy(), () => mount.remove())
    return { repo, handle, view }
  }

  let nextId = 1
  function threadOn(handle: DocHandle<Body>, part: string, partial: Partial<CommentThreadView> = {}): CommentThreadView {
    const from = handle.doc().body.indexOf(part)
    const anchor = anchorRange(handle.doc(), from, from + part.length)
    return { id: `t${nextId++}`, anchor, from, to: from + part.length, detached: false, quote: part, authorId: 'dev-b', authorName: 'Ms Diallo', body: `About ${part}`, createdAt: Date.now() - 60_000, resolvedAt: null, replies: [], isMine: false, canDelete: true, canResolve: true, ...partial }
  }

  /** A fake core that keeps threads and places them on the handle's document, as the real one does. */
  function fakeCore(handle: DocHandle<Body>, threads: CommentThreadView[]) {
    const ok = <T,>(value: T) => ({ ok: true as const, value })
    const sorted = () =>
      threads
        .map((t) => ({ ...t, ...resolveAnchor(handle.doc(), t.anchor)! }))
        .sort((a, b) => a.from - b.from)
    return createFakeApi({
      'projects.comments': () => ok({ threads: sorted(), canComment: true }),
      'projects.addComment': (args) => {
        const { from, to, body } = args as { from: number; to: number; body: string }
        const thread = threadOn(handle, handle.doc().body.slice(from, to), { body, authorName: 'Me', isMine: true })
        threads.push(thread)
        return ok({ thread })
      },
      'projects.replyToComment': (args) => ok({ thread: threads[0]!, replyId: String((args as { body: string }).body) }),
      'projects.resolveComment': (args) => {
        const thread = threads.find((t) => t.id === (args as { commentId: string }).commentId)!
        thread.resolvedAt = Date.now()
        return ok({ thread })
      },
      'projects.deleteComment': (args) => {
        threads.splice(threads.findIndex((t) => t.id === (args as { commentId: string }).commentId), 1)
        return ok({ deleted: 'thread' as const })
      },
    })
  }

  const highlighted = (view: EditorView) => [...view.dom.querySelectorAll('[data-comment-id]')].map((el) => [el.textContent, el.classList.contains('comment-highlight-selected')])

  it('lists threads in document order with quote, author and replies, highlights the open ones, and hides resolved ones unless asked', async () => {
    const user = userEvent.setup()
    const { repo, handle, view } = setup()
    const fox = threadOn(handle, 'brown fox', { replies: [{ id: 'r1', authorId: 'dev-a', authorName: 'Mr Okafor', body: 'Agreed', createdAt: Date.now(), isMine: true, canDelete: true }] })
    const aims = threadOn(handle, 'Aims', { authorName: 'Mr Okafor' })
    const dog = threadOn(handle, 'lazy dog', { resolvedAt: Date.now() })
    const api = fakeCore(handle, [fox, dog, aims])
    renderWithProviders(<CommentsPanel projectId="p1" handle={handle} view={view} readOnly={false} />, { platform: createFakePlatform(api, repo) })

    const cards = await screen.findAllByRole('article')
    expect(cards.map((c) => c.getAttribute('aria-label'))).toEqual(['Comment by Mr Okafor', 'Comment by Ms Diallo'])
    expect(within(cards[1]!).getByText('About brown fox')).toBeTruthy()
    expect(within(within(cards[1]!).getByRole('list', { name: 'Replies to Ms Diallo' })).getByText('Agreed')).toBeTruthy()
    await waitFor(() => expect(highlighted(view)).toEqual([['Aims', false], ['brown fox', false]]))

    await user.click(screen.getByRole('button', { name: 'Show in the text: “brown fox”' }))
    expect(screen.getByRole('button', { name: 'Show in the text: “brown fox”' }).getAttribute('aria-pressed')).toBe('true')
    await waitFor(() => expect(highlighted(view)).toEqual([['Aims', false], ['brown fox', true]]))

    await user.click(screen.getByRole('switch', { name: 'Show resolved' }))
    expect(screen.getAllByRole('article')).toHaveLength(3)
    expect(screen.getByText('Resolved')).toBeTruthy()
    expect(highlighted(view)).toHaveLength(2)

    // Clicking highlighted text in the editor selects its thread.
    fireEvent.click(view.dom.querySelector('[data-comment-id]')!)
    await waitFor(() => expect(screen.getByRole('button', { name: 'Show in the text: “Aims”' }).getAttribute('aria-pressed')).toBe('true'))
  })

  it('comments on the editor selection (button or Ctrl+Alt+M) with Automerge indices and heads of this copy', async () => {
    const user = userEvent.setup()
    const { repo, handle, view } = setup()
    const api = fakeCore(handle, [])
    renderWithProviders(<CommentsPanel projectId="p1" handle={handle} view={view} readOnly={false} />, { platform: createFakePlatform(api, repo) })
    expect(await screen.findByText(/No comments yet/)).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Comment on selection' }))
    expect(screen.getByRole('status').textContent).toMatch(/Select some text/)

    const text = view.state.doc.textContent
    const start = text.indexOf('brown') + 3 // past the heading's opening, its closing and the paragraph's opening
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, start, start + 'brown fox'.length)))
    expect(view.state.doc.textBetween(view.state.selection.from, view.state.selection.to)).toBe('brown fox')
    act(() => {
      fireEvent.keyDown(view.dom, { key: 'µ', code: 'KeyM', ctrlKey: true, altKey: true })
    })
    const box = await screen.findByRole('textbox', { name: 'Your comment' })
    await user.type(box, 'Say which fox')
    await user.click(screen.getByRole('button', { name: 'Comment' }))

    await waitFor(() => expect(api.calls.some((c) => c.method === 'projects.addComment')).toBe(true))
    const sent = api.calls.find((c) => c.method === 'projects.addComment')!.args as { projectId: string; from: number; to: number; heads: string[]; body: string }
    expect(sent).toMatchObject({ projectId: 'p1', body: 'Say which fox', heads: A.getHeads(handle.doc()) })
    expect(handle.doc().body.slice(sent.from, sent.to)).toBe('brown fox')
    expect(await screen.findByText('Say which fox')).toBeTruthy()
    await waitFor(() => expect(highlighted(view)).toEqual([['brown fox', true]]))
    expect(document.activeElement).toBe(view.dom)

    // Escape leaves the composer and gives the editor its focus back.
    await user.click(screen.getByRole('button', { name: 'Comment on selection' }))
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('textbox', { name: 'Your comment' })).toBeNull()
    expect(document.activeElement).toBe(view.dom)
  })

  it('replies, resolves and deletes (after confirming), and follows changes to the document', async () => {
    const user = userEvent.setup()
    const { repo, handle, view } = setup()
    const threads = [threadOn(handle, 'quick')]
    const api = fakeCore(handle, threads)
    renderWithProviders(<CommentsPanel projectId="p1" handle={handle} view={view} readOnly={false} />, { platform: createFakePlatform(api, repo) })

    await user.click(await screen.findByRole('button', { name: 'Reply to Ms Diallo' }))
    await user.type(screen.getByRole('textbox', { name: 'Reply to Ms Diallo' }), 'On it')
    await user.click(screen.getByRole('button', { name: 'Send reply' }))
    await waitFor(() => expect(api.calls.find((c) => c.method === 'projects.replyToComment')?.args).toEqual({ projectId: 'p1', commentId: threads[0]!.id, body: 'On it' }))
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Reply to Ms Diallo' })).toBeNull())

    await user.click(await screen.findByRole('button', { name: 'Resolve comment by Ms Diallo' }))
    await waitFor(() => expect(screen.queryByRole('article')).toBeNull())
    expect(screen.getByText('No open comments (1 resolved).')).toBeTruthy()
    expect(highlighted(view)).toEqual([])

    // A comment arriving from a colleague: the document changes, and the list follows.
    threads.push(threadOn(handle, 'jumps'))
    handle.change((d) => void A.splice(d, path, d.body.indexOf('The'), 0, 'See: '))
    const card = await screen.findByRole('article', {}, { timeout: 2_000 })
    await waitFor(() => expect(highlighted(view)).toEqual([['jumps', false]]))

    await user.click(within(card).getByRole('button', { name: 'Delete comment by Ms Diallo' }))
    await user.click(within(card).getByRole('button', { name: 'Delete comment' }))
    await waitFor(() => expect(screen.queryByRole('article')).toBeNull())
    expect(api.calls.filter((c) => c.method === 'projects.deleteComment')).toHaveLength(1)
  })

  it('offers no way to comment or change threads when read-only', async () => {
    const { repo, handle, view } = setup()
    const api = fakeCore(handle, [threadOn(handle, 'fox')])
    renderWithProviders(<CommentsPanel projectId="p1" handle={handle} view={view} readOnly />, { platform: createFakePlatform(api, repo) })
    const card = await screen.findByRole('article')
    expect(screen.queryByRole('button', { name: 'Comment on selection' })).toBeNull()
    expect(within(card).queryByRole('button', { name: /Reply|Resolve|Delete/ })).toBeNull()
    fireEvent.keyDown(view.dom, { key: 'µ', code: 'KeyM', ctrlKey: true, altKey: true })
    expect(screen.queryByRole('textbox', { name: 'Your comment' })).toBeNull()
  })
})
