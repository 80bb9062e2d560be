import { expect, it } from 'vitest'
import { backoffDelay } from './backoff'

it('doubles from the initial delay to the cap, with half of each delay random', () => {
  const policy = { initialMs: 1_000, maxMs: 60_000, stableMs: 10_000 }
  expect([0, 1, 2, 3, 6, 7, 50].map((attempt) => backoffDelay(policy, attempt, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000, 60_000, 60_000, 60_000])
  expect([0, 1, 2].map((attempt) => backoffDelay(policy, attempt, () => 0))).toEqual([500, 1_000, 2_000])
})
