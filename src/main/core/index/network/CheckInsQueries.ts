import type { Database } from 'better-sqlite3'
import { SqlRunner } from '../../storage/sql'

/** The read side of the index for reflection check-ins. */
export class CheckInsQueries {
  protected readonly sql: SqlRunner

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }
}
