import * as A from '@automerge/automerge'
import { describe, expect, it } from 'vitest'
import { collectionSchemaVersion, newCollection, shardOf } from './CollectionDoc'
import { collectionNeedsMigration, migrateCollection, type StoredCollection } from './migrateCollection'
import { decodeRecord } from './recordCodec'
import type { RecordKind } from './records'
import { fromStored, toStored } from './storedValue'

it('a new collection is current; a version-0 one gains its record map and keeps its kind', () => {
  expect(collectionNeedsMigration(newCollection('contact'))).toBe(false)
  const old: StoredCollection = { recordKind: 'goal' }
  expect(migrateCollection(old)).toEqual({ from: 0, to: collectionSchemaVersion })
  expect(old).toEqual({ kind: 'collection', recordKind: 'goal', schemaVersion: collectionSchemaVersion, records: {} })
})

it('leaves a collection from a newer app alone', () => {
  const future = { schemaVersion: collectionSchemaVersion + 3, records: {} } as StoredCollection
  expect(migrateCollection(future)).toEqual({ from: collectionSchemaVersion + 3, to: collectionSchemaVersion + 3 })
})

it('shards are stable and spread ids evenly', () => {
  expect(shardOf('abc', 16)).toBe(shardOf('abc', 16))
  const counts = new Array<number>(16).fill(0)
  for (let i = 0; i < 16_000; i++) counts[shardOf(`id-${i}`, 16)]!++
  for (const count of counts) expect(count).toBeGreaterThan(800)
})

describe('version 1 → 2: interactions become one JSON string per record', () => {
  const interaction = {
    id: 'i1',
    date: '2026-03-01',
    contactIds: ['c1', 'c2'],
    communityId: null,
    mode: 'online',
    summary: 'Fractions with pizza',
    meaningful: 2,
    followUpDone: false,
    createdAt: 1,
    updatedAt: 2,
    deletedAt: 5,
  }
  const v1 = (recordKind: RecordKind, records: Record<string, unknown>) => ({ kind: 'collection', recordKind, schemaVersion: 1, records }) as StoredCollection

  it('rewrites every per-field interaction in one Automerge change, keeping its values (soft deletes too)', () => {
    const doc = A.from(v1('interaction', { i1: toStored(interaction), i2: toStored({ ...interaction, id: 'i2', deletedAt: null }) }) as Record<string, unknown>)
    const migrated = A.change(doc, (d) => void migrateCollection(d as StoredCollection))
    expect(A.getHistory(migrated)).toHaveLength(2)
    const records = (migrated as StoredCollection).records as Record<string, unknown>
    expect(A.isImmutableString(records.i1)).toBe(true)
    expect(decodeRecord(records.i1)).toEqual(interaction)
    expect(decodeRecord(records.i2)).toEqual({ ...interaction, id: 'i2', deletedAt: null })
    expect((migrated as StoredCollection).schemaVersion).toBe(2)
    expect(collectionNeedsMigration(migrated as StoredCollection)).toBe(false)
  })

  it('leaves records that are already strings, and records that are not objects, as they are', () => {
    const json = new A.ImmutableString(JSON.stringify(interaction))
    const doc = v1('interaction', { i1: json, bad: 42, list: ['x'] })
    migrateCollection(doc)
    expect(doc.records).toEqual({ i1: json, bad: 42, list: ['x'] })
  })

  it('only bumps the version of the other kinds', () => {
    const contact = { id: 'c1', name: 'Ada', tags: ['maths'], createdAt: 1, updatedAt: 1, deletedAt: null }
    const doc = A.from(v1('contact', { c1: toStored(contact) }) as Record<string, unknown>)
    const migrated = A.change(doc, (d) => void migrateCollection(d as StoredCollection)) as StoredCollection
    expect(migrated.schemaVersion).toBe(2)
    expect(A.isImmutableString((migrated.records as Record<string, { name: unknown }>).c1!.name)).toBe(true)
    expect(fromStored(migrated.records)).toEqual({ c1: contact })
  })
})
