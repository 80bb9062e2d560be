import type { Database } from 'better-sqlite3'
import type { FollowUpRow, InteractionRow } from '@shared/api'
import type { Interaction } from '@shared/network/records'
import { daysBetween } from '@shared/network/keepingInTouch'
import { fragment, sql, SqlRunner, type SqlQuery } from '../../storage/sql'
import { allOf, deletedFlag, matchingIds, order, parseJsonArray } from './queryParts'

interface InteractionRecord {
  id: string
  date: string
  contact_ids_json: string
  community_id: string | null
  event_id: string | null
  mode: Interaction['mode']
  channel: Interaction['channel']
  kind: Interaction['kind']
  summary: string
  meaningful: number
  follow_up_on: string | null
  follow_up_done: number
  deleted: number
  created_at: number
  updated_at: number
}

const columns = fragment(
  sql`i.id, i.date, i.contact_ids_json, i.community_id, i.event_id, i.mode, i.channel, i.kind, i.summary, i.meaningful,
      i.follow_up_on, i.follow_up_done, i.deleted, i.created_at, i.updated_at`,
)

export interface InteractionListQuery {
  contactId?: string
  communityId?: string
  eventId?: string
  from?: string
  to?: string
  mode?: Interaction['mode']
  kind?: Interaction['kind']
  query?: string
  direction: 'asc' | 'desc'
  show: 'live' | 'deleted'
  limit: number
  offset: number
}

/** Interaction lists (by contact, community, event or all) and follow-ups due, with the names they link to. */
export class InteractionsQueries {
  private readonly sql: SqlRunner

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }

  row(id: string): InteractionRow | undefined {
    const record = this.sql.get<InteractionRecord>(sql`SELECT ${columns} FROM interactions i WHERE i.id = ${id}`)
    return record ? this.toRows([record])[0] : undefined
  }

  list(query: InteractionListQuery): { rows: InteractionRow[]; total: number } {
    const { rows, total } = this.listQueries(query)
    return {
      rows: this.toRows(this.sql.all<InteractionRecord>(sql`${fragment(rows)} LIMIT ${query.limit} OFFSET ${query.offset}`)),
      total: this.sql.get<{ total: number }>(total)!.total,
    }
  }

  /**
   * By contact: one range of interaction_contacts (contact, deleted, date). By community or event:
   * their partial indexes. Otherwise interactions_by_date. Each read in date order.
   */
  listQueries(query: Omit<InteractionListQuery, 'limit' | 'offset'>): { rows: SqlQuery; total: SqlQuery } {
    const dir = order(query.direction)
    const deleted = deletedFlag(query.show)
    const filters = [
      query.from === undefined ? undefined : sql`i.date >= ${query.from}`,
      query.to === undefined ? undefined : sql`i.date <= ${query.to}`,
      query.mode === undefined ? undefined : sql`i.mode = ${query.mode}`,
      query.kind === undefined ? undefined : sql`i.kind = ${query.kind}`,
      matchingIds('interaction', 'i', query.query),
    ]
    if (query.contactId !== undefined) {
      const where = allOf([
        sql`ic.contact_id = ${query.contactId} AND ic.deleted = ${deleted}`,
        query.communityId === undefined ? undefined : sql`i.community_id = ${query.communityId}`,
        query.eventId === undefined ? undefined : sql`i.event_id = ${query.eventId}`,
        ...filters,
      ])
      const from = fragment(sql`interaction_contacts ic JOIN interactions i ON i.id = ic.interaction_id`)
      return {
        rows: sql`SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY ic.date ${dir}, ic.interaction_id ${dir}`,
        total: sql`SELECT count(*) AS total FROM ${from} WHERE ${where}`,
      }
    }
    const where = allOf([
      query.communityId === undefined ? undefined : sql`i.community_id = ${query.communityId}`,
      query.eventId === undefined ? undefined : sql`i.event_id = ${query.eventId}`,
      sql`i.deleted = ${deleted}`,
      ...filters,
    ])
    return {
      rows: sql`SELECT ${columns} FROM interactions i WHERE ${where} ORDER BY i.date ${dir}, i.id ${dir}`,
      total: sql`SELECT count(*) AS total FROM interactions i WHERE ${where}`,
    }
  }

  followUpsDue(today: string, limit: number): { rows: FollowUpRow[]; total: number } {
    const { rows, total } = this.followUpQueries(today)
    const records = this.sql.all<InteractionRecord>(sql`${fragment(rows)} LIMIT ${limit}`)
    return {
      rows: this.toRows(records).map((interaction) => ({ interaction, daysOverdue: daysBetween(interaction.followUpOn!, today) })),
      total: this.sql.get<{ total: number }>(total)!.total,
    }
  }

  /** Oldest due first; one range of the partial index `interactions_follow_ups`. */
  followUpQueries(today: string): { rows: SqlQuery; total: SqlQuery } {
    const where = fragment(sql`i.follow_up_on IS NOT NULL AND i.deleted = 0 AND i.follow_up_done = 0 AND i.follow_up_on <= ${today}
      AND (i.follow_up_snoozed_until IS NULL OR i.follow_up_snoozed_until <= ${today})`)
    // Without statistics the planner prefers interactions_by_date and sorts; the partial index
    // holds exactly the open follow-ups in order.
    return {
      rows: sql`SELECT ${columns} FROM interactions i INDEXED BY interactions_follow_ups WHERE ${where} ORDER BY i.follow_up_on, i.id`,
      total: sql`SELECT count(*) AS total FROM interactions i INDEXED BY interactions_follow_ups WHERE ${where}`,
    }
  }

  /** Rows with the names of their contacts, community and event, looked up once per page. */
  private toRows(records: InteractionRecord[]): InteractionRow[] {
    const contactIds = records.flatMap((r) => parseJsonArray(r.contact_ids_json))
    const names = this.names(sql`SELECT id, name FROM contacts WHERE id IN (SELECT value FROM json_each(${JSON.stringify([...new Set(contactIds)])}))`)
    const communities = this.names(
      sql`SELECT id, name FROM communities WHERE id IN (SELECT value FROM json_each(${JSON.stringify(records.map((r) => r.community_id).filter(Boolean))}))`,
    )
    const events = this.names(
      sql`SELECT id, title AS name FROM events WHERE id IN (SELECT value FROM json_each(${JSON.stringify(records.map((r) => r.event_id).filter(Boolean))}))`,
    )
    return records.map((r) => ({
      id: r.id,
      date: r.date,
      contacts: parseJsonArray(r.contact_ids_json).map((id) => ({ id, name: names.get(id) ?? '' })),
      communityId: r.community_id,
      communityName: r.community_id === null ? null : (communities.get(r.community_id) ?? null),
      eventId: r.event_id,
      eventTitle: r.event_id === null ? null : (events.get(r.event_id) ?? null),
      mode: r.mode,
      channel: r.channel,
      kind: r.kind,
      summary: r.summary,
      meaningful: r.meaningful,
      followUpOn: r.follow_up_on,
      followUpDone: r.follow_up_done === 1,
      deleted: r.deleted === 1,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }))
  }

  private names(query: SqlQuery): Map<string, string> {
    return new Map(this.sql.all<{ id: string; name: string }>(query).map((r) => [r.id, r.name]))
  }
}
