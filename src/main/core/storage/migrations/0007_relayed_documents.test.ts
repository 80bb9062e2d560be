import BetterSqlite3 from 'better-sqlite3'
import { expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migrations } from '.'

it('0007 adds relayed_documents, one row per document', () => {
  const db = new BetterSqlite3(':memory:')
  migrate(db, migrations.slice(0, 6))
  expect(migrate(db, migrations.slice(0, 7))).toEqual({ from: 6, to: 7 })
  const mark = db.prepare(`INSERT INTO relayed_documents (document_id, marked_at) VALUES (?, ?)`)
  mark.run('doc-1', 1)
  expect(() => mark.run('doc-1', 2)).toThrow(/UNIQUE|PRIMARY KEY/)
  expect(() => db.prepare(`INSERT INTO relayed_documents (document_id) VALUES ('doc-2')`).run()).toThrow(/NOT NULL/)
  expect(db.prepare('SELECT document_id, marked_at FROM relayed_documents').all()).toEqual([{ document_id: 'doc-1', marked_at: 1 }])
  db.close()
})
