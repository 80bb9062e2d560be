import type { Migration } from './Migration'

/**
 * The notes index, projected from the note documents and rebuildable from them at any time.
 *
 * - `notes_by_list_order` serves every list view (active, pinned, trash) in display order
 *   without a sort step.
 * - `note_tags` repeats the sort keys of its note so that a tag filter is also one index range
 *   in display order.
 * - `notes_fts` is a regular (content-storing) FTS5 table: snippet() and highlight() need the
 *   text, which a contentless table cannot give back, and an external-content table would only
 *   move the same copy into `notes` and add triggers to keep in step. Its rowid is the note's
 *   rowid. Tokenizer unicode61 with diacritics removed, so "eleve" finds "élève", and prefix
 *   indexes for the type-ahead match on the last word; trigram would find substrings but needs
 *   three-character terms and a much larger index.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'notes index',
  up(db) {
    db.exec(`
      CREATE TABLE notes (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        excerpt TEXT NOT NULL,
        tags_json TEXT NOT NULL,
        pinned INTEGER NOT NULL,
        in_trash INTEGER NOT NULL,
        trashed_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        heads TEXT NOT NULL
      );
      CREATE INDEX notes_by_list_order ON notes (in_trash, pinned DESC, updated_at DESC, id);

      CREATE TABLE note_tags (
        tag TEXT NOT NULL,
        in_trash INTEGER NOT NULL,
        pinned INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        note_id TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
        PRIMARY KEY (tag, in_trash, pinned DESC, updated_at DESC, note_id)
      ) WITHOUT ROWID;
      CREATE INDEX note_tags_by_note ON note_tags (note_id);

      CREATE VIRTUAL TABLE notes_fts USING fts5 (
        title,
        body,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
    `)
  },
}
