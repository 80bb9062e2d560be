import type { Database } from 'better-sqlite3'
import { SqlRunner } from '../../storage/sql'

/** The read side of the index for followed feeds and their cached items. */
export class FeedsQueries {
  protected readonly sql: SqlRunner

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }
}
