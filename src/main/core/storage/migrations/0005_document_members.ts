import type { Migration } from './Migration'

/**
 * Which paired contacts' devices may sync which documents. Own devices need no rows: they get
 * everything. Access control answers from here on every sync message, so the lookup is the key.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'document members',
  up(db) {
    db.exec(`
      CREATE TABLE document_members (
        document_id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
        added_at INTEGER NOT NULL,
        PRIMARY KEY (document_id, device_id)
      ) WITHOUT ROWID;
      CREATE INDEX document_members_by_device ON document_members (device_id);
    `)
  },
}
