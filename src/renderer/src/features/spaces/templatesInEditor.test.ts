import * as A from '@automerge/automerge'
import { pmDocFromSpans } from '@automerge/prosemirror'
import { projectTemplates, templateSpans } from '@shared/spaces/templates'
import { describe, expect, it } from 'vitest'
import { projectSchemaAdapter } from '../projects/editor/projectSchema'

describe('project templates in the project editor', () => {
  it('open with their section headings and checklists, not as plain paragraphs', () => {
    const doc = A.change(A.from({ body: '' }), (d) => A.updateSpans(d, ['body'], templateSpans('workshop')))
    const pmDoc = pmDocFromSpans(projectSchemaAdapter, A.spans(doc, ['body']))
    pmDoc.check()
    const kinds: string[] = []
    pmDoc.forEach((node) => kinds.push(node.type.name))
    expect(kinds.filter((k) => k === 'heading')).toHaveLength(5)
    expect(kinds).toContain('task_list')
    expect(pmDoc.child(0).textContent).toBe('Audience and goals')
  })

  it('every template opens as a valid editor document', () => {
    for (const template of projectTemplates) {
      const doc = A.change(A.from({ body: '' }), (d) => A.updateSpans(d, ['body'], templateSpans(template.id)))
      expect(() => pmDocFromSpans(projectSchemaAdapter, A.spans(doc, ['body'])).check()).not.toThrow()
    }
  })
})
