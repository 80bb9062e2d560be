import BetterSqlite3 from 'better-sqlite3'
import { expect, it } from 'vitest'
import { migrate, schemaVersion } from './migrate'
import { migrations } from './migrations'
import type { Migration } from './migrations/Migration'

it('numbers migrations 1, 2, 3… without gaps', () => {
  expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1))
})

it('is idempotent: a second run applies nothing', () => {
  const db = new BetterSqlite3(':memory:')
  const latest = migrations.at(-1)!.version
  expect(migrate(db)).toEqual({ from: 0, to: latest })
  expect(migrate(db)).toEqual({ from: latest, to: latest })
  db.close()
})

it('rolls a failing migration back completely, leaving the previous version', () => {
  const db = new BetterSqlite3(':memory:')
  const broken: Migration = {
    version: migrations.length + 1,
    name: 'broken',
    up(d) {
      d.exec('CREATE TABLE half_done (x)')
      throw new Error('boom')
    },
  }
  expect(() => migrate(db, [...migrations, broken])).toThrow('boom')
  expect(schemaVersion(db)).toBe(migrations.length)
  expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0)
  db.close()
})

it('refuses a database written by a newer version', () => {
  const db = new BetterSqlite3(':memory:')
  db.pragma('user_version = 99')
  expect(() => migrate(db)).toThrow(/newer Staffroom/)
  db.close()
})
