import { expect, it } from 'vitest'
import { collectionSchemaVersion, newCollection, shardOf } from './CollectionDoc'
import { collectionNeedsMigration, migrateCollection, type StoredCollection } from './migrateCollection'

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
