import BetterSqlite3 from 'better-sqlite3'
import { expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migrations } from '.'

it('0005 adds document members keyed by document and device, with a checked role', () => {
  const db = new BetterSqlite3(':memory:')
  migrate(db, migrations.slice(0, 4))
  expect(migrate(db, migrations.slice(0, 5))).toEqual({ from: 4, to: 5 })
  const add = db.prepare(`INSERT INTO document_members (document_id, device_id, role, added_at) VALUES (?, ?, ?, 1)`)
  add.run('doc', 'dev', 'editor')
  expect(() => add.run('doc', 'dev', 'viewer')).toThrow(/UNIQUE|PRIMARY/)
  expect(() => add.run('doc', 'other', 'admin')).toThrow(/CHECK/)
  const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM document_members WHERE document_id = ? AND device_id = ?`).all('doc', 'dev') as Array<{ detail: string }>
  expect(plan.map((r) => r.detail).join()).toMatch(/SEARCH document_members USING PRIMARY KEY/)
  db.close()
})
