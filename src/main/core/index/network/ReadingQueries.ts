import type { Database } from 'better-sqlite3'
import type { ReadingRow, ReadingStatus, ReadingStatusCounts, TagCount } from '@shared/api'
import type { readingSorts } from '@shared/api/reading'
import { readingStatuses } from '@shared/network/records'
import { normaliseTag } from '@shared/notes/tags'
import { fragment, sql, SqlRunner, type SqlFragment } from '../../storage/sql'
import { allOf, deletedFlag, matchingIds, order, parseJsonArray } from './queryParts'

interface ReadingRecord {
  id: string
  title: string
  url: string | null
  author: string
  source: string
  feed_id: string | null
  status: ReadingStatus
  added_on: string
  read_on: string | null
  applied_on: string | null
  tags_json: string
  goal_ids_json: string
  has_notes: number
  deleted: number
  created_at: number
  updated_at: number
}

const columns = fragment(
  sql`r.id, r.title, r.url, r.author, r.source, r.feed_id, r.status, r.added_on, r.read_on, r.applied_on, r.tags_json, r.goal_ids_json, r.has_notes, r.deleted, r.created_at, r.updated_at`,
)

export interface ReadingListQuery {
  query?: string
  status?: ReadingStatus
  tag?: string
  from?: string
  to?: string
  goalId?: string
  sort: (typeof readingSorts)[number]
  direction: 'asc' | 'desc'
  show: 'live' | 'deleted'
  limit: number
  offset: number
}

/** A cached feed item as a reading item is made from it. */
export interface FeedItemSource {
  feedId: string
  title: string
  link: string | null
  author: string
  /** The teacher's title for the feed, else the feed's own, else its address. */
  feedTitle: string
}

function toRow(r: ReadingRecord): ReadingRow {
  return {
    id: r.id,
    title: r.title,
    url: r.url,
    author: r.author,
    source: r.source,
    feedId: r.feed_id,
    status: r.status,
    addedOn: r.added_on,
    readOn: r.read_on,
    appliedOn: r.applied_on,
    tags: parseJsonArray(r.tags_json),
    goalIds: parseJsonArray(r.goal_ids_json),
    hasNotes: r.has_notes === 1,
    deleted: r.deleted === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/** The ORDER BY of a sort; items without the day a sort reads come last either way. */
function ordering(sort: ReadingListQuery['sort'], direction: 'asc' | 'desc'): SqlFragment {
  const dir = order(direction)
  switch (sort) {
    case 'added':
      return fragment(sql`r.added_on ${dir}, r.created_at ${dir}, r.id ${dir}`)
    case 'title':
      return fragment(sql`r.title COLLATE NOCASE ${dir}, r.id ${dir}`)
    case 'read':
      return fragment(sql`r.read_on IS NULL, r.read_on ${dir}, r.id ${dir}`)
    case 'applied':
      return fragment(sql`r.applied_on IS NULL, r.applied_on ${dir}, r.id ${dir}`)
  }
}

/** The read side of the index for reading list items. */
export class ReadingQueries {
  protected readonly sql: SqlRunner

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }

  row(id: string): ReadingRow | undefined {
    const record = this.sql.get<ReadingRecord>(sql`SELECT ${columns} FROM reading_items r WHERE r.id = ${id}`)
    return record ? toRow(record) : undefined
  }

  /** A page of items, with how many items each status holds under the same filters (for the status tabs). */
  list(query: ReadingListQuery): { rows: ReadingRow[]; total: number; counts: ReadingStatusCounts } {
    const filters = [
      sql`r.deleted = ${deletedFlag(query.show)}`,
      query.tag === undefined ? undefined : sql`EXISTS (SELECT 1 FROM json_each(r.tags_json) WHERE value = ${normaliseTag(query.tag)})`,
      query.from === undefined ? undefined : sql`r.added_on >= ${query.from}`,
      query.to === undefined ? undefined : sql`r.added_on <= ${query.to}`,
      query.goalId === undefined ? undefined : sql`${query.goalId} IN (SELECT value FROM json_each(r.goal_ids_json))`,
      matchingIds('reading', 'r', query.query),
    ]
    const where = allOf([...filters, query.status === undefined ? undefined : sql`r.status = ${query.status}`])
    const counts = Object.fromEntries(readingStatuses.map((status) => [status, 0])) as ReadingStatusCounts
    const byStatus = this.sql.all<{ status: ReadingStatus; n: number }>(
      sql`SELECT r.status, count(*) AS n FROM reading_items r WHERE ${allOf(filters)} GROUP BY r.status`,
    )
    for (const { status, n } of byStatus) if (status in counts) counts[status] = n
    return {
      rows: this.sql
        .all<ReadingRecord>(sql`SELECT ${columns} FROM reading_items r WHERE ${where} ORDER BY ${ordering(query.sort, query.direction)} LIMIT ${query.limit} OFFSET ${query.offset}`)
        .map(toRow),
      total: this.sql.get<{ total: number }>(sql`SELECT count(*) AS total FROM reading_items r WHERE ${where}`)!.total,
      counts,
    }
  }

  tags(): TagCount[] {
    return this.sql.all<TagCount>(sql`
      SELECT t.value AS tag, count(*) AS count FROM reading_items r, json_each(r.tags_json) t
      WHERE r.deleted = 0 GROUP BY t.value ORDER BY count DESC, t.value`)
  }

  /** A cached feed item by its row id, with its feed's title; undefined when it is no longer cached. */
  feedItem(rowid: number): FeedItemSource | undefined {
    return this.sql.get<FeedItemSource>(sql`
      SELECT i.feed_id AS feedId, i.title, i.link, i.author,
        coalesce(nullif(f.title, ''), nullif(s.feed_title, ''), f.url, s.url, '') AS feedTitle
      FROM feed_items i
      LEFT JOIN feeds f ON f.id = i.feed_id
      LEFT JOIN feed_state s ON s.feed_id = i.feed_id
      WHERE i.rowid = ${rowid}`)
  }

  /**
   * The item already made from a feed's entry: same feed and address, or, for an entry without an
   * address, same feed and title. A live one wins over one in the trash.
   */
  fromFeed(feedId: string, url: string | null, title: string): { id: string; deleted: boolean } | undefined {
    const same = url === null ? sql`r.url IS NULL AND r.title = ${title}` : sql`r.url = ${url}`
    const found = this.sql.get<{ id: string; deleted: number }>(
      sql`SELECT r.id, r.deleted FROM reading_items r WHERE r.feed_id = ${feedId} AND ${fragment(same)} ORDER BY r.deleted, r.created_at LIMIT 1`,
    )
    return found ? { id: found.id, deleted: found.deleted === 1 } : undefined
  }
}
