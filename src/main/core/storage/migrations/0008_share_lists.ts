import type { Migration } from './Migration'

/**
 * The share list each pair of devices keeps between them (a small shared Automerge document in
 * which each side lists what it shares with the other), by the paired device it is with.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'share lists',
  up(db) {
    db.exec(`
      CREATE TABLE share_lists (
        device_id TEXT PRIMARY KEY,
        document_url TEXT NOT NULL
      ) WITHOUT ROWID;
    `)
  },
}
