import BetterSqlite3 from 'better-sqlite3'
import { expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migrations } from '.'

it('0010 adds the reflection tables and re-projects contacts and journal entries on the next start', () => {
  const db = new BetterSqlite3(':memory:')
  migrate(db, migrations.slice(0, 9))
  const heads = db.prepare('INSERT INTO collection_heads (document_id, record_kind, heads) VALUES (?, ?, ?)')
  heads.run('contacts-doc', 'contact', '["a"]')
  heads.run('journal-doc', 'journal', '["b"]')
  heads.run('interactions-doc', 'interaction', '["c"]')
  expect(migrate(db, migrations.slice(0, 10))).toEqual({ from: 9, to: 10 })
  expect(db.prepare('SELECT document_id FROM collection_heads').pluck().all()).toEqual(['interactions-doc'])
  for (const table of ['resources', 'resource_contacts', 'reading_items', 'feeds', 'check_ins', 'space_activity', 'feed_state', 'feed_items']) {
    expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0)
  }
  const contactColumns = db.prepare("SELECT name FROM pragma_table_info('contacts')").pluck().all()
  expect(contactColumns).toEqual(expect.arrayContaining(['subjects_json', 'location']))
  expect(db.prepare("SELECT name FROM pragma_index_list('interactions')").pluck().all()).toContain('interactions_for_dashboard')
  expect(db.prepare("SELECT name FROM pragma_index_list('contacts')").pluck().all()).toContain('contacts_for_dashboard')
  const readingIndexes = db.prepare("SELECT name FROM pragma_index_list('reading_items')").pluck().all()
  expect(readingIndexes).toEqual(expect.arrayContaining(['reading_by_status', 'reading_by_added', 'reading_by_feed']))
  const item = db.prepare(
    'INSERT INTO feed_items (feed_id, item_key, title, link, author, published_at, sort_at, excerpt, content_json, has_remote_images, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  item.run('f1', 'guid-1', 'A post', null, '', null, 1, '', '[]', 0, 1)
  expect(() => item.run('f1', 'guid-1', 'Again', null, '', null, 2, '', '[]', 0, 2)).toThrow(/UNIQUE/)
  // Item ids are rowids; AUTOINCREMENT keeps a pruned item's id from naming a later one.
  const last = item.run('f1', 'guid-2', 'B', null, '', null, 3, '', '[]', 0, 3).lastInsertRowid
  db.prepare('DELETE FROM feed_items WHERE rowid = ?').run(last)
  expect(item.run('f1', 'guid-3', 'C', null, '', null, 4, '', '[]', 0, 4).lastInsertRowid).toBe(Number(last) + 1)
  db.close()
})
