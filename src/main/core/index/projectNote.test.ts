import * as A from '@automerge/automerge'
import { describe, expect, it } from 'vitest'
import { limits } from '@shared/limits'
import type { StoredNote } from '@shared/notes/migrateNote'
import { plainBody, projectNote } from './projectNote'

function richNote(): A.Doc<StoredNote> {
  let doc = A.from<StoredNote>({ kind: 'note', schemaVersion: 1, title: 'Fractions', body: '', tags: ['Maths', 'maths'], pinned: true, trashedAt: null, createdAt: 1000 })
  doc = A.change(doc, (d) => {
    A.splitBlock(d, ['body'], 0, { type: 'heading', parents: [], attrs: { level: 1 } })
    A.splice(d, ['body'], 1, 0, 'Goals')
    A.splitBlock(d, ['body'], 6, { type: 'paragraph', parents: [], attrs: {} })
    A.splice(d, ['body'], 7, 0, 'Halves and quarters')
    A.mark(d, ['body'], { start: 7, end: 13, expand: 'both' }, 'strong', true)
  })
  return doc
}

describe('projectNote', () => {
  it('reads title, plain body (one line per block), tags, pin and times', () => {
    const doc = richNote()
    const row = projectNote(doc, 'id1', 'automerge:id1')
    expect(row).toMatchObject({
      id: 'id1',
      url: 'automerge:id1',
      title: 'Fractions',
      bodyText: 'Goals\nHalves and quarters',
      excerpt: 'Goals Halves and quarters',
      tags: ['maths'],
      pinned: true,
      trashedAt: null,
      createdAt: 1000,
    })
    const seconds = A.inspectChange(doc, A.getHeads(doc)[0]!)!.time
    expect(row.updatedAt).toBe(seconds * 1000)
    expect(row.heads).toEqual([...A.getHeads(doc)].sort())
  })

  it('gives the same row for the same document state (a reload is a no-op)', () => {
    const doc = richNote()
    expect(projectNote(A.load(A.save(doc)), 'id1', 'u')).toEqual(projectNote(doc, 'id1', 'u'))
  })

  it('survives a hostile shape and truncates oversized text', () => {
        // Immutable strings keep the test fast; a text object of this size takes a second to build.
    const doc = A.from<StoredNote>({
      title: new A.ImmutableString('x'.repeat(100_000)) as never,
      body: new A.ImmutableString('y'.repeat(limits.indexedBodyChars + 10)) as never, tags: 'nope' as never, pinned: 'yes' as never, trashedAt: 'soon' as never })
    const row = projectNote(doc, 'id', 'u')
    expect(row.title).toHaveLength(limits.noteTitleChars)
    expect(row.bodyText).toHaveLength(limits.indexedBodyChars)
    expect(row.excerpt).toHaveLength(limits.excerptChars)
    expect(row).toMatchObject({ tags: [], pinned: false, trashedAt: null, createdAt: 0 })
  })

  it('removes the private-use snippet markers from indexed text', () => {
    const doc = A.from<StoredNote>({ title: 'a\uE000b', body: 'c\uE001d' })
    expect(projectNote(doc, 'id', 'u')).toMatchObject({ title: 'ab', bodyText: 'cd' })
  })

  it('reads a body that is not rich text', () => {
    expect(plainBody(A.from<StoredNote>({ body: 7 as never }))).toBe('')
    expect(plainBody(A.from<StoredNote>({ body: new A.ImmutableString('plain') as never }))).toBe('plain')
  })
})
