import type { Database } from 'better-sqlite3'
import type { ContactRef, ContactRow, LosingTouchRow, TagCount } from '@shared/api'
import { daysBetween, touchState } from '@shared/network/keepingInTouch'
import { normaliseTag } from '@shared/notes/tags'
import { fragment, sql, SqlRunner, type SqlQuery } from '../../storage/sql'
import { allOf, deletedFlag, matchingIds, order, parseJsonArray } from './queryParts'

/** The `contacts` columns lists read, as SQLite returns them. */
interface ContactRecord {
  id: string
  name: string
  role: string
  organisation: string
  tags_json: string
  thought_leader: number
  last_interaction_on: string | null
  interaction_count: number
  cadence_days: number | null
  due_on: string | null
  snoozed_until: string | null
  deleted: number
  created_at: number
  updated_at: number
}

const columns = fragment(
  sql`c.id, c.name, c.role, c.organisation, c.tags_json, c.thought_leader, c.last_interaction_on, c.interaction_count,
      c.cadence_days, c.due_on, c.snoozed_until, c.deleted, c.created_at, c.updated_at`,
)

export interface ContactListQuery {
  query?: string
  tag?: string
  sort: 'name' | 'lastContact' | 'created'
  direction: 'asc' | 'desc'
  show: 'live' | 'deleted'
  today: string
  limit: number
  offset: number
}

export function toContactRow(record: ContactRecord, today: string): ContactRow {
  return {
    id: record.id,
    name: record.name,
    role: record.role,
    organisation: record.organisation,
    tags: parseJsonArray(record.tags_json),
    thoughtLeader: record.thought_leader === 1,
    lastInteractionOn: record.last_interaction_on,
    interactionCount: record.interaction_count,
    cadenceDays: record.cadence_days,
    dueOn: record.due_on,
    touch: touchState(record.due_on, record.snoozed_until, today),
    deleted: record.deleted === 1,
    createdAt: record.created_at,
    updatedAt: record.updated_at,
  }
}

/** Contact lists, the losing-touch list and tag counts, from the index. */
export class ContactsQueries {
  private readonly sql: SqlRunner

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }

  row(id: string, today: string): ContactRow | undefined {
    const record = this.sql.get<ContactRecord>(sql`SELECT ${columns} FROM contacts c WHERE c.id = ${id}`)
    return record ? toContactRow(record, today) : undefined
  }

  list(query: ContactListQuery): { rows: ContactRow[]; total: number } {
    const { rows, total } = this.listQueries(query)
    return {
      rows: this.sql.all<ContactRecord>(sql`${fragment(rows)} LIMIT ${query.limit} OFFSET ${query.offset}`).map((r) => toContactRow(r, query.today)),
      total: this.sql.get<{ total: number }>(total)!.total,
    }
  }

  /** Each sort is the matching index read in order (see the EXPLAIN QUERY PLAN tests). */
  listQueries(query: Omit<ContactListQuery, 'today' | 'limit' | 'offset'>): { rows: SqlQuery; total: SqlQuery } {
    const dir = order(query.direction)
    const sortBy = {
      name: sql`c.sort_name ${dir}, c.id ${dir}`,
      lastContact: sql`c.last_interaction_on ${dir}, c.sort_name ${dir}, c.id ${dir}`,
      created: sql`c.created_at ${dir}, c.id ${dir}`,
    }[query.sort]
    const tag = query.tag === undefined ? undefined : normaliseTag(query.tag)
    const where = allOf([
      sql`c.deleted = ${deletedFlag(query.show)}`,
      tag === undefined ? undefined : sql`c.id IN (SELECT contact_id FROM contact_tags WHERE tag = ${tag})`,
      matchingIds('contact', 'c', query.query),
    ])
    return {
      rows: sql`SELECT ${columns} FROM contacts c WHERE ${where} ORDER BY ${fragment(sortBy)}`,
      total: sql`SELECT count(*) AS total FROM contacts c WHERE ${where}`,
    }
  }

  losingTouch(today: string, limit: number): { rows: LosingTouchRow[]; total: number } {
    const { rows, total } = this.losingTouchQueries(today)
    return {
      rows: this.sql
        .all<ContactRecord>(sql`${fragment(rows)} LIMIT ${limit}`)
        .map((record) => ({ contact: toContactRow(record, today), daysOverdue: daysBetween(record.due_on!, today) })),
      total: this.sql.get<{ total: number }>(total)!.total,
    }
  }

  /** Most overdue first; one range of `contacts_by_due`. */
  losingTouchQueries(today: string): { rows: SqlQuery; total: SqlQuery } {
    const where = fragment(sql`c.deleted = 0 AND c.due_on IS NOT NULL AND c.due_on <= ${today} AND (c.snoozed_until IS NULL OR c.snoozed_until <= ${today})`)
    return {
      rows: sql`SELECT ${columns} FROM contacts c WHERE ${where} ORDER BY c.due_on, c.sort_name, c.id`,
      total: sql`SELECT count(*) AS total FROM contacts c WHERE ${where}`,
    }
  }

  tags(): TagCount[] {
    return this.sql.all<TagCount>(sql`
      SELECT t.tag, count(*) AS count FROM contact_tags t JOIN contacts c ON c.id = t.contact_id
      WHERE c.deleted = 0 GROUP BY t.tag ORDER BY count DESC, t.tag`)
  }

  /** Names of contacts by id (deleted ones too: history keeps naming them). */
  refs(ids: readonly string[]): Map<string, ContactRef> {
    if (ids.length === 0) return new Map()
    const rows = this.sql.all<ContactRef>(sql`SELECT id, name FROM contacts WHERE id IN (SELECT value FROM json_each(${JSON.stringify([...new Set(ids)])}))`)
    return new Map(rows.map((r) => [r.id, r]))
  }

  idsExist(ids: readonly string[]): string[] {
    return [...this.refs(ids).keys()]
  }
}
