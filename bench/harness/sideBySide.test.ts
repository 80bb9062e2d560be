import { expect, it } from 'vitest'
import { alternate, distribution } from './sideBySide'

it('alternates the variants, rotating which goes first, and drops the warm-up rounds', async () => {
  const order: string[] = []
  const samples = await alternate({
    variants: { a: () => order.push('a'), b: () => order.push('b'), c: () => order.push('c') },
    rounds: 3,
    warmUps: 1,
  })
  expect(order.join('')).toBe('abc' + 'bca' + 'cab' + 'abc')
  expect(samples.a).toHaveLength(3)
  expect(samples.c).toHaveLength(3)
})

it('gives nearest-rank percentiles', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i)
  expect(distribution(hundred)).toEqual({ samples: 100, median: 50, p95: 95, p99: 99, min: 1, max: 100 })
  expect(distribution([7])).toMatchObject({ median: 7, p99: 7 })
  expect(distribution([1, 2, 3])).toMatchObject({ median: 2, p95: 3 })
  expect(() => distribution([])).toThrow('no samples')
})
