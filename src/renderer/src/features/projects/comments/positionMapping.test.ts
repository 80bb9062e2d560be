import * as A from '@automerge/automerge'
import { pmDocFromSpans } from '@automerge/prosemirror'
import { describe, expect, it } from 'vitest'
import { noteSchemaAdapter } from '../../notes/editor/schema'
import { amIndexToTextOffset, amRangeToPmRange, pmRangeToAmRange, textOffsetToAmIndex } from './positionMapping'

const path = ['body']
/** Block names as @automerge/prosemirror writes them: immutable strings. */
const block = (type: string, attrs: Record<string, A.MaterializeValue> = {}) => ({ type: new A.ImmutableString(type), parents: [], attrs })

/** A body with a heading, a paragraph with a bold word, a bullet list and a checklist. */
function richDoc(): A.Doc<{ body: string }> {
  return A.change(A.from({ body: '' }), (d) => {
    let at = 0
    const add = (marker: ReturnType<typeof block>, text: string) => {
      A.splitBlock(d, path, at, marker)
      A.splice(d, path, at + 1, 0, text)
      at += 1 + text.length
    }
    add(block('heading', { level: 1 }), 'Aims')
    add(block('paragraph'), 'Push and pull')
    A.mark(d, path, { start: 7, end: 11, expand: 'none' }, 'strong', true)
    add(block('unordered-list-item'), 'one')
    add(block('unordered-list-item'), 'two')
    add(block('task-list-item', { checked: false }), 'tick')
  })
}

const withoutMarkers = (text: string) => text.replace(/\uFFFC/g, '')

describe('positionMapping', () => {
  const doc = richDoc()
  const spans = A.spans(doc, path)
  const pmDoc = pmDocFromSpans(noteSchemaAdapter, spans)

  it('counts text characters, not block markers, on the Automerge side', () => {
    expect(amIndexToTextOffset(spans, 0)).toBe(0)
    expect(amIndexToTextOffset(spans, 1)).toBe(0)
    expect(amIndexToTextOffset(spans, 5)).toBe(4)
    expect(amIndexToTextOffset(spans, 6)).toBe(4)
    expect(amIndexToTextOffset(spans, 7)).toBe(5)
    expect(textOffsetToAmIndex(spans, 4, 'start')).toBe(6)
    expect(textOffsetToAmIndex(spans, 4, 'end')).toBe(5)
  })

  it('works on the editor structure: heading, paragraph, lists', () => {
    expect(pmDoc.content.content.map((n) => n.type.name)).toEqual(['heading', 'paragraph', 'bullet_list', 'task_list'])
  })

  it('maps every Automerge range to the ProseMirror range holding the same text, and back', () => {
    const length = doc.body.length
    let checked = 0
    for (let from = 0; from < length; from++) {
      for (let to = from + 1; to <= length; to++) {
        const expected = withoutMarkers(doc.body.slice(from, to))
        const pm = amRangeToPmRange(pmDoc, spans, { from, to })
        if (expected === '') {
          expect(pm).toBeNull()
          continue
        }
        expect(pm).not.toBeNull()
        expect(pmDoc.textBetween(pm!.from, pm!.to, '')).toBe(expected)
        const back = pmRangeToAmRange(pmDoc, spans, pm!)!
        expect(withoutMarkers(doc.body.slice(back.from, back.to))).toBe(expected)
        expect(doc.body[back.from]).not.toBe('\uFFFC')
        expect(doc.body[back.to - 1]).not.toBe('\uFFFC')
        checked++
      }
    }
    expect(checked).toBeGreaterThan(300)
  })

  it('gives null for a selection that holds no text', () => {
    const insideHeading = 2
    expect(pmRangeToAmRange(pmDoc, spans, { from: insideHeading, to: insideHeading })).toBeNull()
    expect(amRangeToPmRange(pmDoc, spans, { from: 5, to: 6 })).toBeNull()
  })
})
