import type { Database } from 'better-sqlite3'
import type { JournalRow, TagCount } from '@shared/api'
import type { JournalEntry } from '@shared/network/records'
import { normaliseTag } from '@shared/notes/tags'
import { fragment, sql, SqlRunner } from '../../storage/sql'
import { allOf, deletedFlag, matchingIds, order, parseJsonArray } from './queryParts'

interface JournalRecord {
  id: string
  date: string
  kind: JournalEntry['kind']
  title: string
  excerpt: string
  tags_json: string
  contact_ids_json: string
  goal_ids_json: string
  event_ids_json: string
  deleted: number
  created_at: number
  updated_at: number
}

const columns = fragment(
  sql`j.id, j.date, j.kind, j.title, j.excerpt, j.tags_json, j.contact_ids_json, j.goal_ids_json, j.event_ids_json, j.deleted, j.created_at, j.updated_at`,
)

export interface JournalListQuery {
  query?: string
  kind?: JournalEntry['kind']
  tag?: string
  from?: string
  to?: string
  contactId?: string
  goalId?: string
  eventId?: string
  direction: 'asc' | 'desc'
  show: 'live' | 'deleted'
  limit: number
  offset: number
}

function toRow(r: JournalRecord): JournalRow {
  return {
    id: r.id,
    date: r.date,
    kind: r.kind,
    title: r.title,
    excerpt: r.excerpt,
    tags: parseJsonArray(r.tags_json),
    contactIds: parseJsonArray(r.contact_ids_json),
    goalIds: parseJsonArray(r.goal_ids_json),
    eventIds: parseJsonArray(r.event_ids_json),
    deleted: r.deleted === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

const linked = (column: string, id: string | undefined) =>
  id === undefined ? undefined : sql`${id} IN (SELECT value FROM json_each(${fragment({ text: `j.${column}`, params: [] })}))`

export class JournalQueries {
  private readonly sql: SqlRunner

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }

  row(id: string): JournalRow | undefined {
    const record = this.sql.get<JournalRecord>(sql`SELECT ${columns} FROM journal_entries j WHERE j.id = ${id}`)
    return record ? toRow(record) : undefined
  }

  list(query: JournalListQuery): { rows: JournalRow[]; total: number } {
    const dir = order(query.direction)
    const where = allOf([
      sql`j.deleted = ${deletedFlag(query.show)}`,
      query.kind === undefined ? undefined : sql`j.kind = ${query.kind}`,
      query.tag === undefined ? undefined : sql`j.id IN (SELECT entry_id FROM journal_tags WHERE tag = ${normaliseTag(query.tag)})`,
      query.from === undefined ? undefined : sql`j.date >= ${query.from}`,
      query.to === undefined ? undefined : sql`j.date <= ${query.to}`,
      linked('contact_ids_json', query.contactId),
      linked('goal_ids_json', query.goalId),
      linked('event_ids_json', query.eventId),
      matchingIds('journal', 'j', query.query),
    ])
    return {
      rows: this.sql
        .all<JournalRecord>(sql`SELECT ${columns} FROM journal_entries j WHERE ${where} ORDER BY j.date ${dir}, j.id ${dir} LIMIT ${query.limit} OFFSET ${query.offset}`)
        .map(toRow),
      total: this.sql.get<{ total: number }>(sql`SELECT count(*) AS total FROM journal_entries j WHERE ${where}`)!.total,
    }
  }

  tags(): TagCount[] {
    return this.sql.all<TagCount>(sql`
      SELECT t.tag, count(*) AS count FROM journal_tags t JOIN journal_entries j ON j.id = t.entry_id
      WHERE j.deleted = 0 GROUP BY t.tag ORDER BY count DESC, t.tag`)
  }
}
