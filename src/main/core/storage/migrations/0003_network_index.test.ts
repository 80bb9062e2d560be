import BetterSqlite3 from 'better-sqlite3'
import { expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migration0001 } from './0001_storage_and_meta'
import { migration0002 } from './0002_notes_index'
import { migration0003 } from './0003_network_index'

it('0003 adds the network index on top of 0002 and keeps the notes index', () => {
  const db = new BetterSqlite3(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db, [migration0001, migration0002])
  db.prepare(
    `INSERT INTO notes (id, url, title, excerpt, tags_json, pinned, in_trash, trashed_at, created_at, updated_at, heads)
     VALUES ('n1', 'automerge:n1', 'Kept', '', '[]', 0, 0, NULL, 1, 2, '[]')`,
  ).run()
  expect(migrate(db, [migration0001, migration0002, migration0003])).toEqual({ from: 2, to: 3 })
  expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(1)

  db.prepare(
    `INSERT INTO contacts (id, name, sort_name, role, organisation, tags_json, thought_leader, deleted, created_at, updated_at, added_on)
     VALUES ('c1', 'Zoë', 'zoe', '', '', '["maths"]', 0, 0, 1, 1, '2026-01-01')`,
  ).run()
  db.prepare("INSERT INTO contact_tags (tag, contact_id) VALUES ('maths', 'c1')").run()
  db.prepare(
    `INSERT INTO interactions (id, date, contact_ids_json, mode, channel, kind, summary, meaningful, follow_up_done, deleted, created_at, updated_at)
     VALUES ('i1', '2026-02-01', '["c1"]', 'online', 'email', 'conversation', '', 0, 0, 0, 1, 1)`,
  ).run()
  db.prepare("INSERT INTO interaction_contacts (contact_id, deleted, date, interaction_id) VALUES ('c1', 0, '2026-02-01', 'i1')").run()
  expect(db.prepare('SELECT interaction_count, last_interaction_on FROM contacts').get()).toEqual({ interaction_count: 0, last_interaction_on: null })

  const rowid = db.prepare("INSERT INTO record_search (kind, id, detail, deleted) VALUES ('contact', 'c1', '', 0) RETURNING rowid").pluck().get()
  db.prepare('INSERT INTO records_fts (rowid, title, body) VALUES (?, ?, ?)').run(rowid, 'Zoë', 'Élève')
  expect(db.prepare("SELECT rowid FROM records_fts WHERE records_fts MATCH 'zoe'").pluck().all()).toEqual([rowid])

  // Dependent rows go with their record.
  db.prepare("DELETE FROM interactions WHERE id = 'i1'").run()
  db.prepare("DELETE FROM contacts WHERE id = 'c1'").run()
  expect(db.prepare('SELECT count(*) FROM interaction_contacts').pluck().get()).toBe(0)
  expect(db.prepare('SELECT count(*) FROM contact_tags').pluck().get()).toBe(0)
  db.close()
})
