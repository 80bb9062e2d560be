import * as A from '@automerge/automerge'
import { projectHistoryLimits } from '@shared/api/projectHistory'
import { describe, expect, it } from 'vitest'
import { bodySegments } from './bodyChanges'

function bodyDoc(text: string) {
  return A.change(A.init<{ body: string }>({ actor: 'ab'.repeat(16) }), (d) => {
    d.body = text
  })
}

function segmentsBetween(doc: A.Doc<{ body: string }>, change: (d: { body: string }) => void) {
  const before = A.getHeads(doc)
  const oldBody = doc.body
  const after = A.change(doc, change)
  return bodySegments(oldBody, A.diffPath(after, ['body'], before, A.getHeads(after)))
}

describe('bodySegments', () => {
  it('shows a long paste in part and counts the rest', () => {
    const pasted = 'x'.repeat(projectHistoryLimits.segmentChars + 500)
    const { segments, more } = segmentsBetween(bodyDoc('Start. End.'), (d) => A.splice(d, ['body'], 7, 0, pasted))
    expect(more).toBe(0)
    expect(segments).toEqual([{ change: 'inserted', text: 'x'.repeat(projectHistoryLimits.segmentChars), moreChars: 500, before: 'Start. ', after: 'End.' }])
  })

  it('lists at most the limit of segments, in text order, and counts the others', () => {
    const words = Array.from({ length: projectHistoryLimits.bodySegments + 30 }, (_, i) => `w${i}`)
    const { segments, more } = segmentsBetween(bodyDoc(words.join(' ')), (d) => {
      // Delete every word's number from the end, so each deletion is its own stretch.
      for (let i = words.length - 1; i >= 0; i--) A.splice(d, ['body'], words.slice(0, i).join(' ').length + (i > 0 ? 1 : 0) + 1, String(i).length)
    })
    expect(more).toBe(30)
    expect(segments).toHaveLength(projectHistoryLimits.bodySegments)
    expect(segments.slice(0, 2).map((s) => [s.change, s.text])).toEqual([
      ['deleted', '0'],
      ['deleted', '1'],
    ])
    expect(segments[1]?.before.endsWith('w w')).toBe(true)
  })

  it('reads a replaced word as a deletion then an insertion at the same place', () => {
    const { segments } = segmentsBetween(bodyDoc('Halves and quarters'), (d) => A.splice(d, ['body'], 0, 6, 'Thirds'))
    expect(segments.map((s) => [s.change, s.text, s.before, s.after])).toEqual([
      ['deleted', 'Halves', '', 'Thirds and quarters'],
      ['inserted', 'Thirds', '', ' and quarters'],
    ])
  })
})
