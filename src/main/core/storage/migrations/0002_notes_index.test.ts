import BetterSqlite3 from 'better-sqlite3'
import { expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migration0001 } from './0001_storage_and_meta'
import { migration0002 } from './0002_notes_index'

it('0002 adds the notes index on top of 0001 and keeps the stored chunks', () => {
  const db = new BetterSqlite3(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db, [migration0001])
  db.prepare('INSERT INTO storage_chunks (key, data) VALUES (?, ?)').run('doc/snapshot/h', Buffer.from([1]))

  expect(migrate(db, [migration0001, migration0002])).toEqual({ from: 1, to: 2 })
  expect(db.prepare('SELECT count(*) FROM storage_chunks').pluck().get()).toBe(1)

  db.prepare(
    `INSERT INTO notes (id, url, title, excerpt, tags_json, pinned, in_trash, trashed_at, created_at, updated_at, heads)
     VALUES ('n1', 'automerge:n1', 'Élève', '', '["a"]', 0, 0, NULL, 1, 2, '[]')`,
  ).run()
  const rowid = db.prepare("SELECT rowid FROM notes WHERE id = 'n1'").pluck().get()
  db.prepare('INSERT INTO notes_fts (rowid, title, body) VALUES (?, ?, ?)').run(rowid, 'Élève', 'Les élèves lisent')
  db.prepare("INSERT INTO note_tags (tag, in_trash, pinned, updated_at, note_id) VALUES ('a', 0, 0, 2, 'n1')").run()

  // unicode61 with remove_diacritics: plain letters find accented words; prefix queries work.
  expect(db.prepare("SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'eleve'").pluck().all()).toEqual([rowid])
  expect(db.prepare("SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'lis*'").pluck().all()).toEqual([rowid])
  // Tags go with their note.
  db.prepare("DELETE FROM notes WHERE id = 'n1'").run()
  expect(db.prepare('SELECT count(*) FROM note_tags').pluck().get()).toBe(0)
  db.close()
})
