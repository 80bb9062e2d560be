import type { Database } from 'better-sqlite3'
import type { ContactRef, TagCount } from '@shared/api'
import type { ResourcePersonCount, ResourceRow } from '@shared/api/resources'
import type { Resource } from '@shared/network/records'
import { normaliseTag } from '@shared/notes/tags'
import { fragment, sql, SqlRunner } from '../../storage/sql'
import { allOf, deletedFlag, matchingIds, order, parseJsonArray } from './queryParts'

/** A ledger row as the index knows it; the handler names its space from the live document. */
export type LedgerRow = Omit<ResourceRow, 'space'> & {
  spaceId: string | null
  /** The space's title as space_activity last recorded it, if it did. */
  indexedSpaceTitle: string | null
}

interface ResourceRecord {
  id: string
  title: string
  type: Resource['type']
  url: string | null
  direction: Resource['direction']
  date: string
  contacts_json: string
  space_id: string | null
  space_title: string | null
  community_id: string | null
  reading_id: string | null
  used_in_json: string
  tags_json: string
  deleted: number
  created_at: number
  updated_at: number
}

// The contacts are named in the same query, in the order the entry lists them (unknown ids are left out).
const columns = fragment(sql`
  r.id, r.title, r.type, r.url, r.direction, r.date, r.space_id, sa.title AS space_title, r.community_id, r.reading_id,
  r.used_in_json, r.tags_json, r.deleted, r.created_at, r.updated_at,
  (SELECT json_group_array(json_object('id', named.id, 'name', named.name)) FROM (
     SELECT c.id, c.name FROM json_each(r.contact_ids_json) j JOIN contacts c ON c.id = j.value ORDER BY j.key) named) AS contacts_json`)
const from = fragment(sql`resources r LEFT JOIN space_activity sa ON sa.document_id = r.space_id`)

export interface ResourcesListQuery {
  query?: string
  direction?: Resource['direction']
  type?: Resource['type']
  contactId?: string
  spaceId?: string
  tag?: string
  from?: string
  to?: string
  order: 'asc' | 'desc'
  show: 'live' | 'deleted'
  limit: number
  offset: number
}

function contactsOf(text: string): ContactRef[] {
  const value: unknown = JSON.parse(text)
  return Array.isArray(value) ? value.filter((v): v is ContactRef => typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.name === 'string') : []
}

function toRow(r: ResourceRecord): LedgerRow {
  return {
    id: r.id,
    title: r.title,
    type: r.type,
    url: r.url,
    direction: r.direction,
    date: r.date,
    contacts: contactsOf(r.contacts_json),
    spaceId: r.space_id,
    indexedSpaceTitle: r.space_title,
    communityId: r.community_id,
    readingId: r.reading_id,
    usedIn: parseJsonArray(r.used_in_json),
    tags: parseJsonArray(r.tags_json),
    deleted: r.deleted === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/** The read side of the index for the resources ledger: the library's list and the per-person counts. */
export class ResourcesQueries {
  protected readonly sql: SqlRunner

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }

  row(id: string): LedgerRow | undefined {
    const record = this.sql.get<ResourceRecord>(sql`SELECT ${columns} FROM ${from} WHERE r.id = ${id}`)
    return record ? toRow(record) : undefined
  }

  list(query: ResourcesListQuery): { rows: LedgerRow[]; total: number } {
    const dir = order(query.order)
    const deleted = deletedFlag(query.show)
    const where = allOf([
      sql`r.deleted = ${deleted}`,
      query.direction === undefined ? undefined : sql`r.direction = ${query.direction}`,
      query.type === undefined ? undefined : sql`r.type = ${query.type}`,
      query.contactId === undefined ? undefined : sql`r.id IN (SELECT resource_id FROM resource_contacts WHERE contact_id = ${query.contactId} AND deleted = ${deleted})`,
      query.spaceId === undefined ? undefined : sql`r.space_id = ${query.spaceId}`,
      query.tag === undefined ? undefined : sql`EXISTS (SELECT 1 FROM json_each(r.tags_json) WHERE value = ${normaliseTag(query.tag)})`,
      query.from === undefined ? undefined : sql`r.date >= ${query.from}`,
      query.to === undefined ? undefined : sql`r.date <= ${query.to}`,
      matchingIds('resource', 'r', query.query),
    ])
    return {
      rows: this.sql.all<ResourceRecord>(sql`SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY r.date ${dir}, r.created_at ${dir}, r.id ${dir} LIMIT ${query.limit} OFFSET ${query.offset}`).map(toRow),
      total: this.sql.get<{ total: number }>(sql`SELECT count(*) AS total FROM resources r WHERE ${where}`)!.total,
    }
  }

  tags(): TagCount[] {
    return this.sql.all<TagCount>(sql`
      SELECT t.value AS tag, count(*) AS count FROM resources r, json_each(r.tags_json) t
      WHERE r.deleted = 0 GROUP BY t.value ORDER BY count DESC, t.value`)
  }

  /** Live entries per (live) contact, given and received, most exchanged first; from–to inclusive when given. */
  people(range: { from?: string; to?: string } = {}): ResourcePersonCount[] {
    const where = allOf([
      sql`rc.deleted = 0`,
      sql`c.deleted = 0`,
      range.from === undefined ? undefined : sql`rc.date >= ${range.from}`,
      range.to === undefined ? undefined : sql`rc.date <= ${range.to}`,
    ])
    return this.sql
      .all<{ id: string; name: string; given: number; received: number }>(sql`
        SELECT c.id, c.name, sum(rc.direction = 'given') AS given, sum(rc.direction = 'received') AS received
        FROM resource_contacts rc JOIN contacts c ON c.id = rc.contact_id
        WHERE ${where} GROUP BY c.id ORDER BY given + received DESC, c.sort_name, c.id`)
      .map(({ id, name, given, received }) => ({ contact: { id, name }, given, received }))
  }
}
