import type { Migration } from './Migration'

/**
 * This device's identity (its certificate and protected private key, one row) and the devices
 * it trusts. A trusted device is pinned by its certificate; revoking keeps the row (so the UI can
 * say who was removed and when) but the listener and dialer ignore it from then on.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'sync devices',
  up(db) {
    db.exec(`
      CREATE TABLE device_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        device_id TEXT NOT NULL,
        certificate_pem TEXT NOT NULL,
        private_key BLOB NOT NULL,
        key_protection TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE trusted_devices (
        device_id TEXT PRIMARY KEY,
        certificate_pem TEXT NOT NULL,
        name TEXT NOT NULL,
        relation TEXT NOT NULL CHECK (relation IN ('own', 'contact')),
        contact_id TEXT,
        addresses_json TEXT NOT NULL DEFAULT '[]',
        paired_at INTEGER NOT NULL,
        revoked_at INTEGER,
        last_seen_at INTEGER
      ) WITHOUT ROWID;
    `)
  },
}
