import type { Database } from 'better-sqlite3'
import type { Migration } from './migrations/Migration'
import { migrations as allMigrations } from './migrations'

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings the schema up to date, one transaction per migration so a failure leaves the file at
 * the last complete version. PRAGMA user_version records where we are.
 */
export function migrate(db: Database, migrations: readonly Migration[] = allMigrations): { from: number; to: number } {
  const from = schemaVersion(db)
  const latest = migrations.at(-1)?.version ?? 0
  if (from > latest) {
    throw new Error(`This profile was written by a newer Staffroom (schema ${from}, this version knows up to ${latest}).`)
  }
  for (const migration of migrations) {
    if (migration.version <= from) continue
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
  return { from, to: schemaVersion(db) }
}
