import { expect, it } from 'vitest'
import { goalProgress } from './goalProgress'

it('is a floor percentage capped at 100', () => {
  expect(goalProgress(1, 3, '2026-01-01', null)).toMatchObject({ current: 1, target: 3, percent: 33 })
  expect(goalProgress(5, 2, '2026-01-01', '2026-06-30')).toMatchObject({ percent: 100, to: '2026-06-30' })
  expect(goalProgress(0, 0, '2026-01-01', null).percent).toBe(0)
})
