import type { Database } from 'better-sqlite3'
import type { NoteSummary, SearchHit, TagCount } from '@shared/api'
import { normaliseTag } from '@shared/notes/tags'
import { fragment, sql, SqlRunner, type SqlQuery } from '../storage/sql'
import { buildFtsQuery } from './ftsQuery'
import type { NoteRow } from './NoteRow'
import { recordToSummary, rowToRecord, type NoteRecord } from './noteRowMapper'
import { matchEnd, matchStart } from './projectNote'
import { snippetParts } from './snippetParts'

export type NotesFilter = 'active' | 'pinned' | 'trash'

export interface ListNotesQuery {
  filter: NotesFilter
  tag?: string
  limit: number
  offset: number
}

const noteColumns = fragment(
  sql`n.rowid, n.id, n.url, n.title, n.excerpt, n.tags_json, n.pinned, n.in_trash, n.trashed_at, n.created_at, n.updated_at, n.heads`,
)

/** The SQL side of the notes index: projections in, lists, search and counts out. */
export class NotesIndex {
  private readonly sql: SqlRunner

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }

  /** Runs `fn` in one transaction: many upserts commit (and fsync) once. */
  transaction<T>(fn: () => T): T {
    return this.sql.transaction(fn)
  }

  /** Heads of the indexed row, to skip projecting a document state already indexed. */
  headsOf(id: string): string | undefined {
    return this.sql.get<{ heads: string }>(sql`SELECT heads FROM notes WHERE id = ${id}`)?.heads
  }

  upsert(row: NoteRow): void {
    const r = rowToRecord(row)
    this.sql.transaction(() => {
      const { rowid } = this.sql.get<{ rowid: number }>(sql`
        INSERT INTO notes (id, url, title, excerpt, tags_json, pinned, in_trash, trashed_at, created_at, updated_at, heads)
        VALUES (${r.id}, ${r.url}, ${r.title}, ${r.excerpt}, ${r.tags_json}, ${r.pinned}, ${r.in_trash}, ${r.trashed_at},
                ${r.created_at}, ${r.updated_at}, ${r.heads})
        ON CONFLICT (id) DO UPDATE SET
          url = excluded.url, title = excluded.title, excerpt = excluded.excerpt, tags_json = excluded.tags_json,
          pinned = excluded.pinned, in_trash = excluded.in_trash, trashed_at = excluded.trashed_at,
          created_at = excluded.created_at, updated_at = excluded.updated_at, heads = excluded.heads
        RETURNING rowid`)!
      this.sql.run(sql`DELETE FROM notes_fts WHERE rowid = ${rowid}`)
      this.sql.run(sql`INSERT INTO notes_fts (rowid, title, body) VALUES (${rowid}, ${row.title}, ${row.bodyText})`)
      this.sql.run(sql`DELETE FROM note_tags WHERE note_id = ${r.id}`)
      for (const tag of row.tags) {
        this.sql.run(sql`
          INSERT INTO note_tags (tag, in_trash, pinned, updated_at, note_id)
          VALUES (${tag}, ${r.in_trash}, ${r.pinned}, ${r.updated_at}, ${r.id})`)
      }
    })
  }

  remove(id: string): boolean {
    return this.sql.transaction(() => {
      const found = this.sql.get<{ rowid: number }>(sql`SELECT rowid FROM notes WHERE id = ${id}`)
      if (!found) return false
      this.sql.run(sql`DELETE FROM notes_fts WHERE rowid = ${found.rowid}`)
      this.sql.run(sql`DELETE FROM notes WHERE rowid = ${found.rowid}`)
      return true
    })
  }

  /** Empties the index (for a rebuild). */
  clear(): void {
    this.sql.transaction(() => {
      this.sql.run(sql`DELETE FROM note_tags`)
      this.sql.run(sql`DELETE FROM notes`)
      this.sql.run(sql`DELETE FROM notes_fts`)
    })
  }

  get(id: string): NoteSummary | undefined {
    const record = this.sql.get<NoteRecord>(sql`SELECT ${noteColumns} FROM notes n WHERE n.id = ${id}`)
    return record ? recordToSummary(record) : undefined
  }

  ids(): string[] {
    return this.sql.all<{ id: string }>(sql`SELECT id FROM notes`).map((r) => r.id)
  }

  idsInTrash(): string[] {
    return this.sql.all<{ id: string }>(sql`SELECT id FROM notes WHERE in_trash = 1`).map((r) => r.id)
  }

  /** Pinned first, then the latest change first; each variant is one index range in that order. */
  list(query: ListNotesQuery): { notes: NoteSummary[]; total: number } {
    const { notes, total } = query.tag ? this.listQueriesForTag(query.filter, normaliseTag(query.tag)) : this.listQueries(query.filter)
    const page = fragment(sql`LIMIT ${query.limit} OFFSET ${query.offset}`)
    return {
      notes: this.sql.all<NoteRecord>(sql`${fragment(notes)} ${page}`).map(recordToSummary),
      total: this.sql.get<{ total: number }>(total)!.total,
    }
  }

  listQueries(filter: NotesFilter): { notes: SqlQuery; total: SqlQuery } {
    const where = fragment(whereFor(filter, 'n'))
    return {
      notes: sql`SELECT ${noteColumns} FROM notes n WHERE ${where} ORDER BY n.pinned DESC, n.updated_at DESC, n.id`,
      total: sql`SELECT count(*) AS total FROM notes n WHERE ${where}`,
    }
  }

  listQueriesForTag(filter: NotesFilter, tag: string): { notes: SqlQuery; total: SqlQuery } {
    const where = fragment(whereFor(filter, 't'))
    return {
      notes: sql`
        SELECT ${noteColumns} FROM note_tags t JOIN notes n ON n.id = t.note_id
        WHERE t.tag = ${tag} AND ${where}
        ORDER BY t.pinned DESC, t.updated_at DESC, t.note_id`,
      total: sql`SELECT count(*) AS total FROM note_tags t WHERE t.tag = ${tag} AND ${where}`,
    }
  }

  /** Tags of the notes outside the trash, most used first. */
  tags(): TagCount[] {
    return this.sql.all<TagCount>(sql`
      SELECT tag, count(*) AS count FROM note_tags WHERE in_trash = 0 GROUP BY tag ORDER BY count DESC, tag`)
  }

  search(text: string, limit: number): SearchHit[] {
    const match = buildFtsQuery(text)
    if (!match) return []
    const rows = this.sql.all<{ id: string; url: string; updated_at: number; title: string; snippet: string }>(sql`
      SELECT n.id, n.url, n.updated_at,
        highlight(notes_fts, 0, ${matchStart}, ${matchEnd}) AS title,
        snippet(notes_fts, 1, ${matchStart}, ${matchEnd}, '…', 24) AS snippet
      FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid
      WHERE notes_fts MATCH ${match} AND n.in_trash = 0
      ORDER BY bm25(notes_fts, 5.0, 1.0), n.updated_at DESC
      LIMIT ${limit}`)
    return rows.map((row) => ({
      id: row.id,
      url: row.url,
      updatedAt: row.updated_at,
      title: snippetParts(row.title),
      snippet: snippetParts(row.snippet),
    }))
  }

  counts(): { notes: number; notesInTrash: number } {
    const row = this.sql.get<{ active: number; trash: number }>(sql`
      SELECT (SELECT count(*) FROM notes WHERE in_trash = 0) AS active, (SELECT count(*) FROM notes WHERE in_trash = 1) AS trash`)!
    return { notes: row.active, notesInTrash: row.trash }
  }
}

function whereFor(filter: NotesFilter, alias: 'n' | 't'): SqlQuery {
  const inTrash = fragment({ text: `${alias}.in_trash`, params: [] })
  const pinned = fragment({ text: `${alias}.pinned`, params: [] })
  switch (filter) {
    case 'active':
      return sql`${inTrash} = 0`
    case 'pinned':
      return sql`${inTrash} = 0 AND ${pinned} = 1`
    case 'trash':
      return sql`${inTrash} = 1`
  }
}
