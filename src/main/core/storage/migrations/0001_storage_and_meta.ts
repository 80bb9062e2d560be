import type { Migration } from './Migration'

/**
 * automerge-repo's chunks and a small key/value table.
 *
 * A storage key (an array of strings) is stored as one text, each part URI-encoded and the parts
 * joined by '/', so "every key that starts with [a, b]" is the range ['a/b/', 'a/b0') of the
 * unique index: an index range scan, whatever the number of parts.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'storage chunks and meta',
  up(db) {
    db.exec(`
      CREATE TABLE storage_chunks (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        data BLOB NOT NULL
      );
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `)
  },
}
