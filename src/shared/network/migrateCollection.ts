import { collectionSchemaVersion, type CollectionDoc } from './CollectionDoc'

export type StoredCollection = Partial<CollectionDoc>

/** Upgrade steps keyed by the version they upgrade from; each mutates in place inside a change. */
export const collectionMigrations: Record<number, (doc: StoredCollection) => void> = {
  // Version 0: a collection without schemaVersion; make sure the record map exists.
  0: (doc) => {
    if (doc.kind === undefined) doc.kind = 'collection'
    if (typeof doc.records !== 'object' || doc.records === null) doc.records = {}
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
