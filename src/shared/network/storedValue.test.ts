import * as A from '@automerge/automerge'
import { expect, it } from 'vitest'
import { fromStored, toStored } from './storedValue'

it('stores strings as scalars and reads back the same plain value, also from collaborative text', () => {
  const record = { name: 'Zoë', tags: ['maths'], channels: [{ kind: 'email', value: 'z@example.org' }], cadenceDays: null, n: 3 }
  const doc = A.from({ record: toStored(record) as Record<string, unknown> })
  expect(A.isImmutableString((doc.record as { name: unknown }).name)).toBe(true)
  expect(fromStored(doc.record)).toEqual(record)
  const text = A.from({ record })
  expect(fromStored(text.record)).toEqual(record)
})

it('reads lists inside a change too (where a list proxy also answers isImmutableString)', () => {
  const doc = A.from({ record: toStored({ ids: ['a', 'b'], name: 'x' }) as Record<string, unknown> })
  A.change(doc, (d) => {
    expect(fromStored(d.record)).toEqual({ ids: ['a', 'b'], name: 'x' })
  })
})
