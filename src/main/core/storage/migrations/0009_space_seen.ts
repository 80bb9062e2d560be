import type { Migration } from './Migration'

/**
 * What this device last saw of each shared space (the document's heads when the person last had
 * it open), so the shared spaces list can mark what others changed since.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'space seen',
  up(db) {
    db.exec(`
      CREATE TABLE space_seen (
        document_id TEXT PRIMARY KEY,
        heads TEXT NOT NULL,
        seen_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `)
  },
}
