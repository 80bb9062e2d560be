import type { Migration } from './Migration'

/**
 * The shared documents the user chose to sync through the relay. A relay peer may sync exactly
 * these (and only while they are still shared, see SyncAccess); personal documents never get a
 * row, so the table is the whole of what a relay can ever see. The relay's URL is a meta value.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'relayed documents',
  up(db) {
    db.exec(`
      CREATE TABLE relayed_documents (
        document_id TEXT PRIMARY KEY,
        marked_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `)
  },
}
