import type { Database } from 'better-sqlite3'
import type { CommunityRow } from '@shared/api'
import type { Community } from '@shared/network/records'
import { fragment, sql, SqlRunner, type SqlQuery } from '../../storage/sql'
import { allOf, deletedFlag, matchingIds, order, parseJsonArray } from './queryParts'

interface CommunityRecord {
  id: string
  name: string
  type: Community['type']
  mode: Community['mode']
  platform_or_place: string
  membership: Community['membership']
  role: string
  tags_json: string
  deleted: number
  created_at: number
  updated_at: number
  interaction_count: number
  last_interaction_on: string | null
}

// The engagement figures come from interactions_by_community, one index range per community.
const columns = fragment(
  sql`m.id, m.name, m.type, m.mode, m.platform_or_place, m.membership, m.role, m.tags_json, m.deleted, m.created_at, m.updated_at,
      (SELECT count(*) FROM interactions i WHERE i.community_id = m.id AND i.deleted = 0) AS interaction_count,
      (SELECT max(i.date) FROM interactions i WHERE i.community_id = m.id AND i.deleted = 0) AS last_interaction_on`,
)

export interface CommunityListQuery {
  query?: string
  type?: Community['type']
  membership?: Community['membership']
  sort: 'name' | 'lastActivity' | 'created'
  direction: 'asc' | 'desc'
  show: 'live' | 'deleted'
  limit: number
  offset: number
}

function toRow(r: CommunityRecord): CommunityRow {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    mode: r.mode,
    platformOrPlace: r.platform_or_place,
    membership: r.membership,
    role: r.role,
    tags: parseJsonArray(r.tags_json),
    interactionCount: r.interaction_count,
    lastInteractionOn: r.last_interaction_on,
    deleted: r.deleted === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export class CommunitiesQueries {
  private readonly sql: SqlRunner

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }

  row(id: string): CommunityRow | undefined {
    const record = this.sql.get<CommunityRecord>(sql`SELECT ${columns} FROM communities m WHERE m.id = ${id}`)
    return record ? toRow(record) : undefined
  }

  list(query: CommunityListQuery): { rows: CommunityRow[]; total: number } {
    const dir = order(query.direction)
    const where = allOf([
      sql`m.deleted = ${deletedFlag(query.show)}`,
      query.type === undefined ? undefined : sql`m.type = ${query.type}`,
      query.membership === undefined ? undefined : sql`m.membership = ${query.membership}`,
      matchingIds('community', 'm', query.query),
    ])
    // A teacher has tens of communities, not thousands: sorting by activity needs no index.
    const sortBy: SqlQuery = {
      name: sql`m.sort_name ${dir}, m.id ${dir}`,
      lastActivity: sql`last_interaction_on ${dir}, m.sort_name, m.id`,
      created: sql`m.created_at ${dir}, m.id ${dir}`,
    }[query.sort]
    return {
      rows: this.sql
        .all<CommunityRecord>(sql`SELECT ${columns} FROM communities m WHERE ${where} ORDER BY ${fragment(sortBy)} LIMIT ${query.limit} OFFSET ${query.offset}`)
        .map(toRow),
      total: this.sql.get<{ total: number }>(sql`SELECT count(*) AS total FROM communities m WHERE ${where}`)!.total,
    }
  }

  /** Names of communities by id. */
  refs(ids: readonly string[]): Array<{ id: string; name: string }> {
    return this.sql.all(sql`SELECT id, name FROM communities WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) ORDER BY sort_name`)
  }
}
