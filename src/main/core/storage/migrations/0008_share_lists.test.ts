import BetterSqlite3 from 'better-sqlite3'
import { expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migrations } from '.'

it('0008 adds one share list per paired device', () => {
  const db = new BetterSqlite3(':memory:')
  migrate(db, migrations.slice(0, 7))
  expect(migrate(db, migrations.slice(0, 8))).toEqual({ from: 7, to: 8 })
  const add = db.prepare('INSERT INTO share_lists (device_id, document_url) VALUES (?, ?)')
  add.run('D', 'automerge:x')
  expect(() => add.run('D', 'automerge:y')).toThrow(/UNIQUE|PRIMARY/)
  db.close()
})
