import type { Database } from 'better-sqlite3'
import type { AnySearchHit, SearchKind } from '@shared/api'
import type { RecordKind } from '@shared/network/records'
import { sql, SqlRunner } from '../../storage/sql'
import { buildFtsQuery } from '../ftsQuery'
import { matchEnd, matchStart } from '../projectNote'
import { snippetParts } from '../snippetParts'

/** Full-text search over the network's records (notes have their own table, searched by NotesIndex). */
export class RecordSearch {
  private readonly sql: SqlRunner

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }

  /** The best live hits of one kind; titles weigh five times the rest. */
  search(kind: Exclude<SearchKind, 'note'>, text: string, limit: number): AnySearchHit[] {
    const match = buildFtsQuery(text)
    if (!match) return []
    const rows = this.sql.all<{ id: string; detail: string; title: string; snippet: string }>(sql`
      SELECT s.id, s.detail,
        highlight(records_fts, 0, ${matchStart}, ${matchEnd}) AS title,
        snippet(records_fts, 1, ${matchStart}, ${matchEnd}, '…', 16) AS snippet
      FROM records_fts JOIN record_search s ON s.rowid = records_fts.rowid
      WHERE records_fts MATCH ${match} AND s.kind = ${kind satisfies RecordKind} AND s.deleted = 0
      ORDER BY bm25(records_fts, 5.0, 1.0)
      LIMIT ${limit}`)
    return rows.map((row) => ({
      kind,
      id: row.id,
      url: null,
      title: snippetParts(row.title),
      snippet: snippetParts(row.snippet),
      detail: row.detail,
    }))
  }
}
