import * as A from '@automerge/automerge'
import { expect, it } from 'vitest'
import { decodeRecord, encodeRecord } from './recordCodec'

const interaction = { id: 'i1', date: '2026-03-01', contactIds: ['c1'], mode: 'online', summary: 'Zoë', createdAt: 1, updatedAt: 1, deletedAt: null }
const contact = { id: 'c1', name: 'Zoë', tags: ['maths'], channels: [{ kind: 'email', value: 'z@example.org' }], createdAt: 1, updatedAt: 1, deletedAt: null }

it('stores an interaction as one JSON string and the other kinds field by field, and reads both back', () => {
  const doc = A.from({ records: { i1: encodeRecord('interaction', interaction), c1: encodeRecord('contact', contact) } as Record<string, unknown> })
  expect(A.isImmutableString(doc.records.i1)).toBe(true)
  expect(A.isImmutableString((doc.records.c1 as { name: unknown }).name)).toBe(true)
  expect(decodeRecord(doc.records.i1)).toEqual(interaction)
  expect(decodeRecord(doc.records.c1)).toEqual(contact)
})

it('reads either encoding whatever the kind, and JSON a peer wrote as text', () => {
  expect(decodeRecord(A.from({ r: interaction }).r)).toEqual(interaction)
  expect(decodeRecord(JSON.stringify(contact))).toEqual(contact)
})

it('gives undefined, never throws, for anything that is not a record', () => {
  for (const bad of ['{not json', '[1,2]', '42', 'null', '"text"', 42, null, undefined, true, ['x'], new A.ImmutableString('{'), new A.ImmutableString('[]')]) {
    expect(decodeRecord(bad)).toBeUndefined()
  }
})
