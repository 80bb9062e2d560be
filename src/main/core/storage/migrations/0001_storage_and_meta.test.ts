import BetterSqlite3 from 'better-sqlite3'
import { expect, it } from 'vitest'
import { migrate } from '../migrate'
import { migration0001 } from './0001_storage_and_meta'

it('0001 creates storage_chunks with a unique key and the meta table', () => {
  const db = new BetterSqlite3(':memory:')
  migrate(db, [migration0001])
  expect(db.pragma('user_version', { simple: true })).toBe(1)
  db.prepare('INSERT INTO storage_chunks (key, data) VALUES (?, ?)').run('doc/snapshot/h', Buffer.from([1]))
  expect(() => db.prepare('INSERT INTO storage_chunks (key, data) VALUES (?, ?)').run('doc/snapshot/h', Buffer.from([2]))).toThrow(
    /UNIQUE/,
  )
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('workspaceUrl', 'automerge:x')
  expect(db.prepare('SELECT value FROM meta').pluck().get()).toBe('automerge:x')
  db.close()
})
