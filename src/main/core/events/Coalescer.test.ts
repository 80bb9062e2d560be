import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { Coalescer } from './Coalescer'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

it('delivers a burst once, deduplicated, after the delay', () => {
  const batches: string[][] = []
  const coalescer = new Coalescer<string>(50, (keys) => batches.push(keys))
  coalescer.add('a')
  coalescer.add('b')
  coalescer.add('a')
  vi.advanceTimersByTime(49)
  expect(batches).toEqual([])
  vi.advanceTimersByTime(1)
  expect(batches).toEqual([['a', 'b']])
  coalescer.add('c')
  coalescer.flush()
  expect(batches).toEqual([['a', 'b'], ['c']])
  vi.advanceTimersByTime(100)
  expect(batches).toHaveLength(2)
})

it('drops pending keys on cancel', () => {
  const batches: string[][] = []
  const coalescer = new Coalescer<string>(10, (keys) => batches.push(keys))
  coalescer.add('a')
  coalescer.cancel()
  vi.advanceTimersByTime(100)
  expect(batches).toEqual([])
})
