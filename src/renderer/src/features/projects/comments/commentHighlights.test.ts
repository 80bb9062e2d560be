import * as A from '@automerge/automerge'
import { Repo, type DocHandle } from '@automerge/automerge-repo'
import { init, type DocHandle as PmDocHandle } from '@automerge/prosemirror'
import { anchorRange, resolveAnchor, type CommentAnchor } from '@shared/spaces/commentAnchor'
import { EditorState, TextSelection } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { afterEach, describe, expect, it } from 'vitest'
import { noteSchemaAdapter } from '../../notes/editor/schema'
import { commentHighlights, currentCommentHighlights, setCommentHighlights } from './commentHighlights'
import { amRangeToPmRange } from './positionMapping'

type Body = { body: string }
const path = ['body']

describe('commentHighlights', () => {
  const cleanups: Array<() => void> = []
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup()
  })

  /** A real EditorView on a real Automerge document, with the sync plugin and the highlights. */
  function mount(): { handle: DocHandle<Body>; view: EditorView } {
    const repo = new Repo({ network: [] })
    const handle = repo.create<Body>({ body: '' })
    handle.change((d) => {
      // Block names as @automerge/prosemirror writes them: immutable strings.
      A.splitBlock(d, path, 0, { type: new A.ImmutableString('heading'), parents: [], attrs: { level: 1 } })
      A.splice(d, path, 1, 0, 'Aims')
      A.splitBlock(d, path, 5, { type: new A.ImmutableString('unordered-list-item'), parents: [], attrs: {} })
      A.splice(d, path, 6, 0, 'The quick brown fox jumps')
    })
    const { schema, pmDoc, plugin } = init(handle as unknown as PmDocHandle<unknown>, path, { schemaAdapter: noteSchemaAdapter })
    const mountPoint = document.createElement('div')
    document.body.append(mountPoint)
    const view = new EditorView({ mount: mountPoint }, { state: EditorState.create({ schema, doc: pmDoc, plugins: [plugin, commentHighlights()] }) })
    cleanups.push(() => {
      view.destroy()
      mountPoint.remove()
      void repo.shutdown()
    })
    return { handle, view }
  }

  function anchorOn(handle: DocHandle<Body>, part: string): CommentAnchor {
    const from = handle.doc().body.indexOf(part)
    return anchorRange(handle.doc(), from, from + part.length)
  }

  /** Where the anchor is now, placed in the editor the way the comments panel places it. */
  function placed(handle: DocHandle<Body>, view: EditorView, id: string, anchor: CommentAnchor) {
    const range = resolveAnchor(handle.doc(), anchor)!
    const pm = amRangeToPmRange(view.state.doc, A.spans(handle.doc(), path), range)!
    return { id, ...pm }
  }

  const highlighted = (view: EditorView, id: string) => [...view.dom.querySelectorAll(`[data-comment-id="${id}"]`)].map((el) => el.textContent).join('')

  it('decorates each range with a class and data-comment-id, and emphasises the selected one', () => {
    const { handle, view } = mount()
    const fox = anchorOn(handle, 'brown fox')
    const aims = anchorOn(handle, 'Aims')
    setCommentHighlights(view, [placed(handle, view, 'fox', fox), placed(handle, view, 'aims', aims)])
    expect(highlighted(view, 'fox')).toBe('brown fox')
    expect(highlighted(view, 'aims')).toBe('Aims')
    expect(view.dom.querySelector('[data-comment-id="fox"]')!.className).toBe('comment-highlight')
    expect(view.dom.querySelector('h1 [data-comment-id="aims"]')).not.toBeNull()
    expect(view.dom.querySelector('ul li [data-comment-id="fox"]')).not.toBeNull()

    setCommentHighlights(view, currentCommentHighlights(view.state).highlights, 'fox')
    expect(view.dom.querySelector('[data-comment-id="fox"]')!.classList.contains('comment-highlight-selected')).toBe(true)
    expect(view.dom.querySelector('[data-comment-id="aims"]')!.classList.contains('comment-highlight-selected')).toBe(false)
  })

  it('follows local typing and remote patches exactly where the Automerge anchor goes', () => {
    const { handle, view } = mount()
    const fox = anchorOn(handle, 'brown fox')
    setCommentHighlights(view, [placed(handle, view, 'fox', fox)], 'fox')

    // Typing in the editor, before the range and inside it: the sync plugin writes it to Automerge.
    const quickEnd = view.state.doc.textContent.indexOf('quick') + 'quick'.length
    const posAfter = (offset: number) => {
      let found = -1
      view.state.doc.descendants((node, pos) => {
        if (node.isText && found < 0 && offset <= node.text!.length) found = pos + offset
        return found < 0
      })
      return found
    }
    const typeAt = (text: string, pos: number) => view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)).insertText(text))
    typeAt(' and very', posAfter(quickEnd - 'Aims'.length))
    const brownEnd = view.state.doc.textContent.indexOf('brown') + 'brown'.length - 'Aims'.length
    typeAt('ish', posAfter(brownEnd))
    expect(handle.doc().body).toContain('quick and very brownish fox')
    expect(highlighted(view, 'fox')).toBe('brownish fox')

    // A colleague's change arrives as an Automerge patch.
    handle.change((d) => void A.splice(d, path, d.body.indexOf('The'), 0, 'Look: '))
    expect(view.state.doc.textContent).toContain('Look: The quick')
    expect(highlighted(view, 'fox')).toBe('brownish fox')
    expect(currentCommentHighlights(view.state)).toEqual({ highlights: [placed(handle, view, 'fox', fox)], selectedId: 'fox' })

    // Deleting all of it leaves nothing to highlight.
    handle.change((d) => void A.splice(d, path, d.body.indexOf('brownish fox'), 'brownish fox'.length))
    expect(view.dom.querySelector('[data-comment-id="fox"]')).toBeNull()
    expect(resolveAnchor(handle.doc(), fox)!.detached).toBe(true)
  })
})
