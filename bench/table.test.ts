import { expect, it } from 'vitest'
import type { WorkloadResult } from './harness/results'
import { formatTable, formatValue, ratioRows } from './table.mjs'

const result: WorkloadResult = {
  id: 1,
  title: 'Editing trace',
  checks: [],
  durationMs: 1,
  measures: [
    {
      name: 'total replay time',
      ours: 'ours',
      baseline: 'raw Automerge',
      figures: [
        { variant: 'raw Automerge', value: 1000, unit: 'ms' },
        { variant: 'ours', value: 2000, unit: 'ms' },
        { variant: 'Yjs', value: 4000, unit: 'ms' },
      ],
    },
  ],
}

it('takes ours against every other variant, flagging only the baseline above 1.5x', () => {
  const rows = ratioRows(result)
  expect(rows.map((r) => [r.other, r.ratio, r.overLimit])).toEqual([
    ['raw Automerge', 2, true],
    ['Yjs', 0.5, false],
  ])
  const table = formatTable([result])
  expect(table).toContain('2.00x (!)')
  expect(table).toContain('0.50x')
})

it('formats values in readable units', () => {
  expect(formatValue(12_345, 'ms')).toBe('12.3 s')
  expect(formatValue(3.14159, 'ms')).toBe('3.14 ms')
  expect(formatValue(2_500_000, 'bytes')).toBe('2.50 MB')
  expect(formatValue(0.0123, 'ms')).toBe('0.012 ms')
})
