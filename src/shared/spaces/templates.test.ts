import * as A from '@automerge/automerge'
import { describe, expect, it } from 'vitest'
import { projectTemplates, templateSpans } from './templates'

describe('project templates', () => {
  it('the lesson plan has the seven sections, in order, as level-2 headings', () => {
    const spans = templateSpans('lesson-plan')
    const headings = spans.flatMap((span, i) => (span.type === 'block' && String(span.value.type) === 'heading' ? [spans[i + 1]] : []))
    expect(headings.map((s) => (s?.type === 'text' ? s.value : ''))).toEqual(['Objectives', 'Standards', 'Materials', 'Activities', 'Assessment', 'Differentiation', 'Reflection'])
  })

  it('every template writes into an Automerge document and reads back the same text', () => {
    for (const template of projectTemplates) {
      const doc = A.change(A.from({ body: '' }), (d) => A.updateSpans(d, ['body'], templateSpans(template.id)))
      const text = A.spans(doc, ['body']).flatMap((s) => (s.type === 'text' ? [s.value] : []))
      const expected = template.sections.length === 0 ? [] : template.sections.flatMap((s) => [s.heading, s.prompt, ...(s.checklist ?? [])])
      expect(text).toEqual(expected)
    }
  })

  it('block types are stored as immutable strings, as the editor reads them', () => {
    const doc = A.change(A.from({ body: '' }), (d) => A.updateSpans(d, ['body'], templateSpans('lesson-plan')))
    const first = A.spans(doc, ['body'])[0]
    expect(first?.type === 'block' && A.isImmutableString(first.value.type)).toBe(true)
  })

  it('checklists are unchecked task items', () => {
    const items = templateSpans('workshop').filter((s) => s.type === 'block' && String(s.value.type) === 'task-list-item')
    expect(items).toHaveLength(2)
    for (const item of items) expect(item.type === 'block' && item.value.attrs).toEqual({ checked: false })
  })
})
