import * as A from '@automerge/automerge'
import { describe, expect, it } from 'vitest'
import { resolveAnchor, textOfRange, type CommentAnchor } from '@shared/spaces/commentAnchor'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { anchorSelection } from './anchorSelection'
import { threadViews } from './commentThreads'

type Body = { body: string }
const sentence = 'The quick brown fox jumps over the lazy dog'
const path = ['body']

/** A body as @automerge/prosemirror stores it: a heading block, then a paragraph block. */
function baseDoc(): A.Doc<Body> {
  let doc = A.from<Body>({ body: '' }, { actor: 'aa'.repeat(16) })
  doc = A.change(doc, (d) => {
    A.splitBlock(d, path, 0, { type: 'heading', parents: [], attrs: { level: 1 } })
    A.splice(d, path, 1, 0, 'Objectives')
    A.splitBlock(d, path, 11, { type: 'paragraph', parents: [], attrs: {} })
    A.splice(d, path, 12, 0, sentence)
  })
  return doc
}

/** Index of `part` in the body (after its first occurrence of `after`, if given). */
function at(doc: A.Doc<Body>, part: string, after = ''): number {
  const index = doc.body.indexOf(part, after ? doc.body.indexOf(after) : 0)
  if (index < 0) throw new Error(`"${part}" is not in the body`)
  return index
}

/** Anchors a comment on `part`, then lets two peers edit concurrently and merges both ways. */
function concurrently(part: string, onA: (d: Body, doc: A.Doc<Body>) => void, onB: (d: Body, doc: A.Doc<Body>) => void) {
  const base = baseDoc()
  const from = at(base, part)
  const { anchor, quote } = anchorSelection(base, A.getHeads(base), from, from + part.length)
  const a = A.change(A.clone(base, { actor: 'bb'.repeat(16) }), (d) => onA(d, base))
  const b = A.change(A.clone(base, { actor: 'cc'.repeat(16) }), (d) => onB(d, base))
  const mergedOnA = A.merge(A.clone(a), b)
  const mergedOnB = A.merge(A.clone(b), a)
  expect(mergedOnA.body).toBe(mergedOnB.body)
  const onBoth = [resolveAnchor(mergedOnA, anchor), resolveAnchor(mergedOnB, anchor)]
  expect(onBoth[0]).toEqual(onBoth[1])
  const range = onBoth[0]!
  // `exact` is the range's text untrimmed, so an end one character off shows.
  return { quote, range, text: textOfRange(mergedOnA, range.from, range.to), exact: mergedOnA.body.slice(range.from, range.to), body: mergedOnA.body, anchor }
}

const insert = (text: string, where: (doc: A.Doc<Body>) => number) => (d: Body, doc: A.Doc<Body>) => A.splice(d, path, where(doc), 0, text)
const remove = (part: string) => (d: Body, doc: A.Doc<Body>) => A.splice(d, path, at(doc, part), part.length)

describe('comment anchors under concurrent edits on two copies, merged', () => {
  it('keeps the range when both sides insert before it', () => {
    const result = concurrently('brown fox', insert('Very ', (doc) => at(doc, 'The')), insert('really ', (doc) => at(doc, 'quick')))
    expect(result.body).toContain('Very The really quick brown fox')
    expect(result.text).toBe('brown fox')
    expect(result.range.detached).toBe(false)
    expect(result.quote).toBe('brown fox')
  })

  it('grows the range when both sides insert inside it', () => {
    const result = concurrently('brown fox', insert(' red', (doc) => at(doc, ' fox')), insert('ish', (doc) => at(doc, 'n fox') + 1))
    expect(result.text).toMatch(/^brown(ish red| redish) fox$/)
  })

  it('keeps the range when both sides insert after it, and when text is typed right before it', () => {
    const result = concurrently('brown fox', insert(' today', (doc) => doc.body.length), insert('quickly ', (doc) => at(doc, 'jumps') + 'jumps '.length))
    expect(result.body).toContain('jumps quickly over the lazy dog today')
    expect(result.text).toBe('brown fox')
    const before = concurrently('brown fox', insert('big ', (doc) => at(doc, 'brown')), () => undefined)
    expect(before.text).toBe('brown fox')
  })

  it('leaves out text typed right at its end and a new paragraph started there', () => {
    const result = concurrently('brown fox', insert('es', (doc) => at(doc, ' jumps')), () => undefined)
    expect(result.body).toContain('brown foxes jumps')
    expect(result.exact).toBe('brown fox')
    const paragraph = concurrently(
      'lazy dog',
      (d, doc) => {
        const end = doc.body.length
        A.splitBlock(d, path, end, { type: 'paragraph', parents: [], attrs: {} })
        A.splice(d, path, end + 1, 0, 'Next paragraph')
      },
      insert(' and cat', (doc) => doc.body.length),
    )
    expect(paragraph.body.endsWith('lazy dog and cat\uFFFCNext paragraph') || paragraph.body.endsWith('lazy dog\uFFFCNext paragraph and cat')).toBe(true)
    expect(paragraph.exact).toBe('lazy dog')
  })

  it('shrinks to what is left when part of the range is deleted, while the other side inserts before it', () => {
    const result = concurrently('brown fox', remove('bro'), insert('Very ', (doc) => at(doc, 'The')))
    expect(result.text).toBe('wn fox')
    expect(result.range.detached).toBe(false)
    const tail = concurrently('brown fox', remove(' fox'), remove('quick '))
    expect(tail.exact).toBe('brown')
  })

  it('is detached, with its quote, when all of its text is deleted (on one side or split across both)', () => {
    const whole = concurrently('brown fox', remove('brown fox'), insert('Very ', (doc) => at(doc, 'The')))
    expect(whole.range.detached).toBe(true)
    expect(whole.text).toBe('')
    expect(whole.quote).toBe('brown fox')
    const split = concurrently('brown fox', remove('brown '), remove(' fox jumps'))
    expect(split.range.detached).toBe(true)
  })

  it('is not detached when one side deletes the range and the other types inside it: the new text remains', () => {
    const result = concurrently('brown fox', remove('brown fox'), insert('X', (doc) => at(doc, 'own fox')))
    expect(result.text).toBe('X')
    expect(result.range.detached).toBe(false)
  })

  it('follows a range that ends the body and one that spans a split paragraph', () => {
    const end = concurrently('lazy dog', insert('!', (doc) => doc.body.length), remove('lazy '))
    expect(end.body.endsWith('dog!')).toBe(true)
    expect(end.exact).toBe('dog')
    const lastGone = concurrently('lazy dog', remove('dog'), () => undefined)
    expect(lastGone.exact).toBe('lazy ')
    const split = concurrently('brown fox', (d, doc) => A.splitBlock(d, path, at(doc, ' fox'), { type: 'paragraph', parents: [], attrs: {} }), () => undefined)
    expect(split.text).toBe('brown\n fox')
  })
})

describe('anchorSelection', () => {
  it('reads indices on the version the person selected in, even after the text moved', () => {
    const base = baseDoc()
    const heads = A.getHeads(base)
    const from = at(base, 'lazy')
    const moved = A.change(A.clone(base), (d) => A.splice(d, path, at(base, 'The'), 0, 'Well, '))
    const { anchor, quote } = anchorSelection(moved, heads, from, from + 'lazy dog'.length)
    expect(quote).toBe('lazy dog')
    const range = resolveAnchor(moved, anchor)!
    expect(textOfRange(moved, range.from, range.to)).toBe('lazy dog')
  })

  it('refuses empty, out-of-range and marker-only selections, and heads this copy does not have', () => {
    const doc = baseDoc()
    const heads = A.getHeads(doc)
    expect(() => anchorSelection(doc, heads, 5, 5)).toThrow('Select some text')
    expect(() => anchorSelection(doc, heads, 0, doc.body.length + 1)).toThrow('outside')
    expect(() => anchorSelection(doc, heads, 11, 12)).toThrow('only line breaks')
    expect(() => anchorSelection(doc, ['ab'.repeat(32)], 1, 3)).toThrow('has not received')
  })

  it('keeps a long quote to the quote limit', () => {
    const doc = A.change(baseDoc(), (d) => A.splice(d, path, 12, 0, 'x'.repeat(3_000)))
    const { quote } = anchorSelection(doc, A.getHeads(doc), 12, 3_012)
    expect(quote.length).toBe(1_000)
    expect(quote.endsWith('…')).toBe(true)
  })
})

describe('threadViews', () => {
  function projectWith(comments: Array<{ id: string; part: string; createdAt: number; resolved?: boolean }>, extra?: Record<string, unknown>) {
    let doc = baseDoc() as unknown as A.Doc<ProjectDoc>
    const anchors = new Map<string, CommentAnchor>()
    for (const c of comments) {
      const from = at(doc as unknown as A.Doc<Body>, c.part)
      anchors.set(c.id, anchorSelection(doc, A.getHeads(doc), from, from + c.part.length).anchor)
    }
    doc = A.change(doc, (d) => {
      d.comments = {}
      for (const c of comments) {
        const anchor = anchors.get(c.id)!
        d.comments[c.id] = { id: c.id, from: anchor.from, to: anchor.to, quote: c.part, author: 'dev-b', authorName: 'Bea', body: `on ${c.part}`, createdAt: c.createdAt, resolvedAt: c.resolved ? 5 : null, replies: {} }
      }
      Object.assign(d.comments, extra)
    })
    return doc
  }

  it('lists threads in document order, detached last, skips malformed ones, and filters resolved ones on request', () => {
    let doc = projectWith([
      { id: 'dog', part: 'lazy dog', createdAt: 1 },
      { id: 'fox', part: 'brown fox', createdAt: 2 },
      { id: 'obj', part: 'Objectives', createdAt: 3, resolved: true },
      { id: 'quick', part: 'quick', createdAt: 4 },
    ], { junk: { from: 'nonsense', to: 3 }, notAnObject: 'x' })
    doc = A.change(doc, (d) => A.splice(d, path, at(doc as unknown as A.Doc<Body>, 'quick'), 'quick'.length))
    const reader = { devices: new Set(['dev-a']), role: 'editor' as const }
    expect(threadViews(doc, reader, { includeResolved: true }).map((t) => t.id)).toEqual(['obj', 'fox', 'dog', 'quick'])
    expect(threadViews(doc, reader, { includeResolved: false }).map((t) => t.id)).toEqual(['fox', 'dog', 'quick'])
    const quick = threadViews(doc, reader, { includeResolved: true }).at(-1)!
    expect(quick).toMatchObject({ detached: true, quote: 'quick', isMine: false, canDelete: false, canResolve: true })
  })

  it('says what each reader may do: owners delete anything, viewers resolve only their own threads', () => {
    const doc = projectWith([{ id: 'fox', part: 'brown fox', createdAt: 1 }])
    const [asViewer] = threadViews(doc, { devices: new Set(['dev-a']), role: 'viewer' }, { includeResolved: true })
    expect(asViewer).toMatchObject({ canDelete: false, canResolve: false })
    const [asOwner] = threadViews(doc, { devices: new Set(['dev-a']), role: 'owner' }, { includeResolved: true })
    expect(asOwner).toMatchObject({ canDelete: true, canResolve: true })
    const [asAuthorOnOtherDevice] = threadViews(doc, { devices: new Set(['dev-a', 'dev-b']), role: 'viewer' }, { includeResolved: true })
    expect(asAuthorOnOtherDevice).toMatchObject({ isMine: true, canDelete: true, canResolve: true })
  })
})
