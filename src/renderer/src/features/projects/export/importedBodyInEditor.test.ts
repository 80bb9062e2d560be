import * as A from '@automerge/automerge'
import { pmDocFromSpans, pmNodeToSpans } from '@automerge/prosemirror'
import { describe, expect, it } from 'vitest'
// The one test that crosses the layers on purpose: what the core's Markdown import writes must be
// what this editor reads. The converter is pure (no Node), so it runs here as it does in the core.
// eslint-disable-next-line local/layering
import { markdownToSpans } from '../../../../../main/core/spaces/export/markdownToSpans'
import { projectSchemaAdapter } from '../editor/projectSchema'

describe('an imported Markdown body in the project editor', () => {
  it('opens with its headings, nested lists, checklists, links and tables, and is written back unchanged', () => {
    const markdown = [
      'Intro **bold** [link](https://example.org/)',
      '',
      '## Heading',
      '',
      '- a',
      '  - b',
      '    1. c',
      '- [x] done',
      '',
      '| A | B |',
      '| --- | --- |',
      '| 1 | 2 |',
      '| 3 |  |',
      '',
      'after',
      '',
      '- item',
      '',
      '  second paragraph',
    ].join('\n')
    const doc = A.change(A.from({ body: '' }), (d) => A.updateSpans(d, ['body'], markdownToSpans(markdown).spans))
    const stored = A.spans(doc, ['body'])
    const pmDoc = pmDocFromSpans(projectSchemaAdapter, stored)
    pmDoc.check()
    expect(pmDoc.toString()).toBe(
      'doc(paragraph("Intro ", strong("bold"), " ", link("link")), heading("Heading"), ' +
        'bullet_list(list_item(paragraph("a"), bullet_list(list_item(paragraph("b"), ordered_list(list_item(paragraph("c"))))))), ' +
        'task_list(task_item(paragraph("done"))), ' +
        'table(table_row(table_header(paragraph("A")), table_header(paragraph("B"))), table_row(table_cell(paragraph("1")), table_cell(paragraph("2"))), table_row(table_cell(paragraph("3")), table_cell(paragraph))), ' +
        'paragraph("after"), bullet_list(list_item(paragraph("item"), paragraph("second paragraph"))))',
    )
    const written = A.change(A.from({ body: '' }), (d) => A.updateSpans(d, ['body'], pmNodeToSpans(projectSchemaAdapter, pmDoc)))
    expect(A.spans(written, ['body'])).toEqual(stored)
  })
})
