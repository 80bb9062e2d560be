import type { Database } from 'better-sqlite3'
import { SqlRunner } from '../../storage/sql'

/** The read side of the index for reading list items. */
export class ReadingQueries {
  protected readonly sql: SqlRunner

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }
}
