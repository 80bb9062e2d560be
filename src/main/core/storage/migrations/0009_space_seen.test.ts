import BetterSqlite3 from 'better-sqlite3'
import { expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migrations } from '.'

it('0009 keeps one seen state per space', () => {
  const db = new BetterSqlite3(':memory:')
  migrate(db, migrations.slice(0, 8))
  expect(migrate(db, migrations.slice(0, 9))).toEqual({ from: 8, to: 9 })
  const add = db.prepare('INSERT INTO space_seen (document_id, heads, seen_at) VALUES (?, ?, ?)')
  add.run('D', '["h"]', 1)
  expect(() => add.run('D', '[]', 2)).toThrow(/UNIQUE|PRIMARY/)
  db.close()
})
