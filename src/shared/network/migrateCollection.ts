import { collectionSchemaVersion, type CollectionDoc } from './CollectionDoc'
import { decodeRecord, encodeRecord, isJsonEncoded } from './recordCodec'

export type StoredCollection = Partial<CollectionDoc>

/** Upgrade steps keyed by the version they upgrade from; each mutates in place inside a change. */
export const collectionMigrations: Record<number, (doc: StoredCollection) => void> = {
  // Version 0: a collection without schemaVersion; make sure the record map exists.
  0: (doc) => {
    if (doc.kind === undefined) doc.kind = 'collection'
    if (typeof doc.records !== 'object' || doc.records === null) doc.records = {}
  },
  // Version 1: interactions were one map per record, one key per field; each becomes one JSON
  // string (recordCodec, docs/DECISIONS.md 19). Other kinds are unchanged. A record that is not
  // an object is left as it is (readers skip it, as before).
  1: (doc) => {
    if (doc.recordKind !== 'interaction' || typeof doc.records !== 'object' || doc.records === null) return
    const records = doc.records as Record<string, unknown>
    for (const [id, stored] of Object.entries(records)) {
      if (isJsonEncoded(stored)) continue
      const plain = decodeRecord(stored)
      if (plain) records[id] = encodeRecord('interaction', plain)
    }
  },
}

export function collectionVersion(doc: StoredCollection): number {
  return typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 0
}

export function collectionNeedsMigration(doc: StoredCollection): boolean {
  return collectionVersion(doc) < collectionSchemaVersion
}

/** Brings a collection up to the current schema in place; one from a newer app is left alone. */
export function migrateCollection(doc: StoredCollection): { from: number; to: number } {
  const from = collectionVersion(doc)
  for (let version = from; version < collectionSchemaVersion; version++) {
    const step = collectionMigrations[version]
    if (!step) throw new Error(`No migration for collection schema ${version}`)
    step(doc)
    doc.schemaVersion = version + 1
  }
  return { from, to: collectionVersion(doc) }
}
