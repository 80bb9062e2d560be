import BetterSqlite3 from 'better-sqlite3'
import { expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migrations } from '.'

it('0006 adds invites with a unique secret hash and a checked relation', () => {
  const db = new BetterSqlite3(':memory:')
  migrate(db, migrations.slice(0, 5))
  expect(migrate(db, migrations.slice(0, 6))).toEqual({ from: 5, to: 6 })
  const add = db.prepare(`INSERT INTO invites (id, secret_sha256, relation, created_at, expires_at) VALUES (?, ?, ?, 1, 2)`)
  add.run('i1', Buffer.from([1]), 'contact')
  expect(() => add.run('i2', Buffer.from([1]), 'contact')).toThrow(/UNIQUE/)
  expect(() => add.run('i3', Buffer.from([2]), 'friend')).toThrow(/CHECK/)
  expect(db.prepare('SELECT shares_json, used_at FROM invites').get()).toEqual({ shares_json: '[]', used_at: null })
  db.close()
})
