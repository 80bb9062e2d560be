import * as A from '@automerge/automerge'
import { templateSpans } from '@shared/spaces/templates'
import { describe, expect, it } from 'vitest'
import { markdownToSpans } from './export/markdownToSpans'
import { writeRichText } from './writeRichText'

function both(spans: A.Span[]) {
  const written = A.change(A.from({ body: '' }), (d) => writeRichText(d, ['body'], spans))
  const updated = A.change(A.from({ body: '' }), (d) => A.updateSpans(d, ['body'], spans))
  return { written: A.spans(written, ['body']), updated: A.spans(updated, ['body']) }
}

describe('writeRichText', () => {
  it('writes the same body as A.updateSpans: blocks, nesting, tables, adjacent and overlapping marks', () => {
    const { spans } = markdownToSpans(
      ['# T', '', 'a **b *c*** [d **e**](https://example.org/) f', '', '- x', '  - [ ] y', '', '| h | i |', '| - | - |', '| 1 |  |', '', '', '- '].join('\n'),
    )
    const { written, updated } = both(spans)
    expect(written).toEqual(updated)
    expect(written.filter((s) => s.type === 'text' && s.marks?.strong === true && s.marks?.em === true)).toHaveLength(1)
  })

  it('writes templates and an empty body', () => {
    const { written, updated } = both(templateSpans('lesson-plan'))
    expect(written).toEqual(updated)
    expect(both([]).written).toEqual([])
  })
})
