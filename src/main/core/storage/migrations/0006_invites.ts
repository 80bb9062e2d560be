import type { Migration } from './Migration'

/**
 * Invites this device has handed out. Only a hash of each secret is kept, so the table alone
 * cannot be used to pair; an invite is used once (`used_at`) and expires (`expires_at`).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'invites',
  up(db) {
    db.exec(`
      CREATE TABLE invites (
        id TEXT PRIMARY KEY,
        secret_sha256 BLOB NOT NULL UNIQUE,
        relation TEXT NOT NULL CHECK (relation IN ('own', 'contact')),
        contact_id TEXT,
        shares_json TEXT NOT NULL DEFAULT '[]',
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER,
        used_by_device TEXT
      ) WITHOUT ROWID;
    `)
  },
}
