import * as A from '@automerge/automerge'
import { describe, expect, it } from 'vitest'
import { projectTemplates, templateSpans } from './templates'

describe('project templates', () => {
  it('the lesson plan has the seven sections, in order, as level-2 headings', () => {
    const spans = templateSpans('lesson-plan')
    const headings = spans.flatMap((span, i) => (span.type === 'block' && span.value.type === 'heading' ? [spans[i + 1]] : []))
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

  it('checklists are unchecked task items', () => {
    const items = templateSpans('workshop').filter((s) => s.type === 'block' && s.value.type === 'task-list-item')
    expect(items).toHaveLength(2)
    for (const item of items) expect(item.type === 'block' && item.value.attrs).toEqual({ checked: false })
  })
})
