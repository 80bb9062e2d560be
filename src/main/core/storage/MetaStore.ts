import type { Database } from 'better-sqlite3'
import { sql, SqlRunner } from './sql'

/** Small named values of the profile (e.g. the workspace document URL). */
export class MetaStore {
  private readonly sql: SqlRunner

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }

  get(key: string): string | undefined {
    return this.sql.get<{ value: string }>(sql`SELECT value FROM meta WHERE key = ${key}`)?.value
  }

  set(key: string, value: string): void {
    this.sql.run(sql`INSERT INTO meta (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
  }
}
