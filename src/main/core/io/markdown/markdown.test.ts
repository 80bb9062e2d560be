import * as A from '@automerge/automerge'
import { describe, expect, it } from 'vitest'
import { journalFields, type JournalEntry } from '@shared/network/records'
import { journalToMarkdown, notesToMarkdown } from './exportMarkdown'
import { spansToMarkdown } from './spansToMarkdown'

type Body = { body: string }
type Block = { type: string; parents: string[]; attrs: Record<string, A.ScalarValue> }

/** Builds a rich-text body the way the editor does: block markers, then text, then marks. */
function richText(parts: Array<[Block, string, Array<[number, number, string, A.MarkValue]>?]>): A.Span[] {
  let doc = A.from<Body>({ body: '' })
  doc = A.change(doc, (d) => {
    let at = 0
    for (const [block, text, marks] of parts) {
      A.splitBlock(d, ['body'], at, block)
      A.splice(d, ['body'], at + 1, 0, text)
      for (const [start, end, name, value] of marks ?? []) A.mark(d, ['body'], { start: at + 1 + start, end: at + 1 + end, expand: 'none' }, name, value)
      at += 1 + text.length
    }
  })
  return A.spans(doc, ['body'])
}
const block = (type: string, attrs: Record<string, A.ScalarValue> = {}, parents: string[] = []): Block => ({ type, parents, attrs })

describe('Markdown export', () => {
  it('writes headings, bold, italic, links, bullet, numbered and task lists, nested items', () => {
    const spans = richText([
      [block('heading', { level: 1 }), 'Fractions unit'],
      [block('paragraph'), 'Use pizza and chocolate bars.', [[4, 9, 'strong', true], [14, 23, 'em', true]]],
      [block('paragraph'), 'See the NCETM guide.', [[8, 19, 'link', JSON.stringify({ href: 'https://www.ncetm.org.uk/', title: null })]]],
      [block('unordered-list-item'), 'Halves'],
      [block('unordered-list-item', {}, ['unordered-list-item']), 'Quarters'],
      [block('ordered-list-item'), 'First'],
      [block('ordered-list-item'), 'Second'],
      [block('task-list-item', { checked: true }), 'Print sheets'],
      [block('task-list-item', { checked: false }), 'Book the hall'],
    ])
    expect(spansToMarkdown(spans)).toBe(
      [
        '# Fractions unit',
        '',
        'Use **pizza** and _chocolate_ bars.',
        '',
        'See the [NCETM guide](<https://www.ncetm.org.uk/>).',
        '',
        '- Halves',
        '   - Quarters',
        '',
        '1. First',
        '2. Second',
        '',
        '- [x] Print sheets',
        '- [ ] Book the hall',
        '',
      ].join('\n'),
    )
  })

  it('keeps script tags, markup characters and javascript: links as inert text', () => {
    const spans = richText([
      [block('paragraph'), '<script>alert(1)</script> *not bold* # not a heading'],
      [block('paragraph'), '- not a list, 1. nor this'],
      [block('paragraph'), 'click', [[0, 5, 'link', JSON.stringify({ href: 'javascript:alert(1)' })]]],
    ])
    expect(spansToMarkdown(spans)).toBe('\\<script\\>alert(1)\\</script\\> \\*not bold\\* # not a heading\n\n\\- not a list, 1. nor this\n\n[click](#)\n')
  })

  it('writes one journal file, oldest first, with linked names and line breaks kept', () => {
    const entry = (id: string, fields: Record<string, unknown>): JournalEntry => ({ id, createdAt: 0, updatedAt: 0, deletedAt: null, ...journalFields.parse(fields) })
    const text = journalToMarkdown(
      [
        entry('j2', { date: '2026-03-02', kind: 'setback', title: 'Observation', whatHappened: 'Lesson ran over.\nNo plenary.', whatIWillTry: 'Timer on the board' }),
        entry('j1', { date: '2026-03-01', title: 'Met Ann', whatILearned: 'Retrieval *practice*', contactIds: ['c1'], tags: ['cogsci'] }),
        { ...entry('j3', { date: '2026-03-03', title: 'Deleted' }), deletedAt: 1 },
      ],
      { contact: (id) => (id === 'c1' ? 'Ann Lee' : undefined), goal: () => undefined, event: () => undefined },
    )
    expect(text).toBe(
      [
        '# Journal',
        '',
        '## 2026-03-01 — Met Ann',
        '',
        '*Learning* · Tags: cogsci · People: Ann Lee',
        '',
        '### What I learned',
        '',
        'Retrieval \\*practice\\*',
        '',
        '## 2026-03-02 — Observation',
        '',
        '*Setback*',
        '',
        '### What happened',
        '',
        'Lesson ran over.  ',
        'No plenary.',
        '',
        '### What I will try',
        '',
        'Timer on the board',
        '',
      ].join('\n'),
    )
  })

  it('writes notes under their titles with their headings moved down', () => {
    const text = notesToMarkdown([{ title: 'Plan', tags: ['maths'], createdAt: Date.UTC(2026, 0, 5), spans: richText([[block('heading', { level: 1 }), 'Aims'], [block('paragraph'), 'Fluency']]) }])
    expect(text).toBe('# Notes\n\n## Plan\n\n*Created 2026-01-05 · Tags: maths*\n\n### Aims\n\nFluency\n')
  })
})
