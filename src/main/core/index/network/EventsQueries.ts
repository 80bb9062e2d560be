import type { Database } from 'better-sqlite3'
import type { EventRow } from '@shared/api'
import type { NetworkEvent } from '@shared/network/records'
import { fragment, sql, SqlRunner } from '../../storage/sql'
import { allOf, deletedFlag, matchingIds, order, parseJsonArray } from './queryParts'

interface EventRecord {
  id: string
  title: string
  starts_at: string
  ends_at: string | null
  place: string
  online_url: string | null
  community_id: string | null
  community_name: string | null
  attendee_ids_json: string
  rsvp: NetworkEvent['rsvp']
  tags_json: string
  deleted: number
  created_at: number
  updated_at: number
}

const columns = fragment(
  sql`e.id, e.title, e.starts_at, e.ends_at, e.place, e.online_url, e.community_id,
      (SELECT name FROM communities m WHERE m.id = e.community_id) AS community_name,
      e.attendee_ids_json, e.rsvp, e.tags_json, e.deleted, e.created_at, e.updated_at`,
)

export interface EventListQuery {
  query?: string
  from?: string
  to?: string
  communityId?: string
  attendeeId?: string
  rsvp?: NetworkEvent['rsvp']
  direction: 'asc' | 'desc'
  show: 'live' | 'deleted'
  limit: number
  offset: number
}

function toRow(r: EventRecord): EventRow {
  return {
    id: r.id,
    title: r.title,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    place: r.place,
    onlineUrl: r.online_url,
    communityId: r.community_id,
    communityName: r.community_name,
    attendeeCount: parseJsonArray(r.attendee_ids_json).length,
    rsvp: r.rsvp,
    tags: parseJsonArray(r.tags_json),
    deleted: r.deleted === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export class EventsQueries {
  private readonly sql: SqlRunner

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }

  row(id: string): EventRow | undefined {
    const record = this.sql.get<EventRecord>(sql`SELECT ${columns} FROM events e WHERE e.id = ${id}`)
    return record ? toRow(record) : undefined
  }

  /** In start order over events_by_start; `to` is inclusive of the whole day. */
  list(query: EventListQuery): { rows: EventRow[]; total: number } {
    const dir = order(query.direction)
    const where = allOf([
      sql`e.deleted = ${deletedFlag(query.show)}`,
      query.from === undefined ? undefined : sql`e.starts_at >= ${query.from}`,
      query.to === undefined ? undefined : sql`e.starts_at < ${`${query.to}U`}`,
      query.communityId === undefined ? undefined : sql`e.community_id = ${query.communityId}`,
      query.attendeeId === undefined ? undefined : sql`e.id IN (SELECT event_id FROM event_attendees WHERE contact_id = ${query.attendeeId})`,
      query.rsvp === undefined ? undefined : sql`e.rsvp = ${query.rsvp}`,
      matchingIds('event', 'e', query.query),
    ])
    return {
      rows: this.sql
        .all<EventRecord>(sql`SELECT ${columns} FROM events e WHERE ${where} ORDER BY e.starts_at ${dir}, e.id ${dir} LIMIT ${query.limit} OFFSET ${query.offset}`)
        .map(toRow),
      total: this.sql.get<{ total: number }>(sql`SELECT count(*) AS total FROM events e WHERE ${where}`)!.total,
    }
  }
}
