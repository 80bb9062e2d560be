import type { Database } from 'better-sqlite3'
import type { FeedFetchErrorCode, FeedItemRow, FeedRow } from '@shared/api/feeds'
import type { SafeBlock } from '@shared/feeds/safeBlocks'
import { feedKinds } from '@shared/network/records'
import { fragment, sql, SqlRunner } from '../../storage/sql'
import { deletedFlag } from './queryParts'

interface FeedRecord {
  id: string
  url: string
  title: string
  kind: FeedRow['kind']
  folder: string
  contact_id: string | null
  allow_images: number
  deleted: number
  status: 'ok' | 'error' | null
  fetched_at: number | null
  error_code: FeedFetchErrorCode | null
  error_message: string | null
  feed_title: string | null
  site_url: string | null
  item_count: number
}

interface ItemRecord {
  id: number
  feed_id: string
  feed_title: string
  title: string
  link: string | null
  author: string
  published_at: number | null
  excerpt: string
  has_remote_images: number
  reading_id: string | null
}

const feedColumns = fragment(sql`
  f.id, f.url, f.title, f.kind, f.folder, f.contact_id, f.allow_images, f.deleted,
  s.status, s.fetched_at, s.error_code, s.error_message, s.feed_title, s.site_url,
  (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id) AS item_count`)

/** The teacher's title, else the feed's own, else the address. */
const displayTitle = fragment(sql`coalesce(nullif(f.title, ''), nullif(s.feed_title, ''), f.url)`)

const itemColumns = fragment(sql`
  i.rowid AS id, i.feed_id, ${displayTitle} AS feed_title, i.title, i.link, i.author, i.published_at, i.excerpt, i.has_remote_images,
  (SELECT r.id FROM reading_items r WHERE r.feed_id = i.feed_id AND r.url = i.link AND r.deleted = 0 ORDER BY r.rowid LIMIT 1) AS reading_id`)

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

function toFeedRow(r: FeedRecord): FeedRow {
  return {
    id: r.id,
    url: r.url,
    title: r.title || r.feed_title || r.url,
    kind: (feedKinds as readonly string[]).includes(r.kind) ? r.kind : 'other',
    folder: r.folder,
    contactId: r.contact_id,
    allowImages: r.allow_images === 1,
    status: r.status ?? 'never',
    lastFetchedAt: r.fetched_at,
    error: r.status === 'error' && r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : null,
    siteUrl: r.site_url,
    itemCount: r.item_count,
    deleted: r.deleted === 1,
  }
}

function toItemRow(r: ItemRecord): FeedItemRow {
  return {
    id: String(r.id),
    feedId: r.feed_id,
    feedTitle: r.feed_title,
    title: r.title,
    url: r.link,
    author: r.author,
    publishedAt: r.published_at,
    excerpt: r.excerpt,
    hasRemoteImages: r.has_remote_images === 1,
    readingId: r.reading_id,
  }
}

/** The read side of the index for followed feeds and their cached items (items of deleted feeds are hidden). */
export class FeedsQueries {
  protected readonly sql: SqlRunner

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }

  /** Feeds by folder, then title. */
  list(show: 'live' | 'deleted'): FeedRow[] {
    const records = this.sql.all<FeedRecord>(sql`SELECT ${feedColumns} FROM feeds f LEFT JOIN feed_state s ON s.feed_id = f.id WHERE f.deleted = ${deletedFlag(show)}`)
    return records.map(toFeedRow).sort((a, b) => collator.compare(a.folder, b.folder) || collator.compare(a.title, b.title) || a.id.localeCompare(b.id))
  }

  row(id: string): FeedRow | undefined {
    const record = this.sql.get<FeedRecord>(sql`SELECT ${feedColumns} FROM feeds f LEFT JOIN feed_state s ON s.feed_id = f.id WHERE f.id = ${id}`)
    return record ? toFeedRow(record) : undefined
  }

  /** Id and address of every live feed, for a refresh of all and for "already followed". */
  liveTargets(): Array<{ id: string; url: string }> {
    return this.sql.all<{ id: string; url: string }>(sql`SELECT id, url FROM feeds WHERE deleted = 0 ORDER BY rowid`)
  }

  /** Cached items of live feeds, newest first (by date, else first seen). */
  items(query: { feedId?: string; limit: number; offset: number }): { items: FeedItemRow[]; total: number } {
    const where = query.feedId === undefined ? sql`1` : sql`i.feed_id = ${query.feedId}`
    const from = fragment(sql`FROM feed_items i JOIN feeds f ON f.id = i.feed_id AND f.deleted = 0 LEFT JOIN feed_state s ON s.feed_id = i.feed_id WHERE ${fragment(where)}`)
    const records = this.sql.all<ItemRecord>(sql`SELECT ${itemColumns} ${from} ORDER BY i.sort_at DESC, i.rowid DESC LIMIT ${query.limit} OFFSET ${query.offset}`)
    const { n } = this.sql.get<{ n: number }>(sql`SELECT count(*) AS n ${from}`)!
    return { items: records.map(toItemRow), total: n }
  }

  /** One cached item of a live feed with its content, or undefined. */
  item(itemId: string): { row: FeedItemRow; blocks: SafeBlock[]; allowImages: boolean } | undefined {
    if (!/^\d{1,15}$/.test(itemId)) return undefined
    const record = this.sql.get<ItemRecord & { content_json: string; allow_images: number }>(sql`
      SELECT ${itemColumns}, i.content_json, f.allow_images
      FROM feed_items i JOIN feeds f ON f.id = i.feed_id AND f.deleted = 0 LEFT JOIN feed_state s ON s.feed_id = i.feed_id
      WHERE i.rowid = ${Number(itemId)}`)
    if (!record) return undefined
    return { row: toItemRow(record), blocks: parseBlocks(record.content_json), allowImages: record.allow_images === 1 }
  }

  /** Live feeds as OPML lists them, by folder and title. */
  forExport(): Array<{ feedUrl: string; title: string; siteUrl: string | null; folder: string | null }> {
    return this.list('live').map((feed) => ({ feedUrl: feed.url, title: feed.title, siteUrl: feed.siteUrl, folder: feed.folder || null }))
  }
}

function parseBlocks(json: string): SafeBlock[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? (value as SafeBlock[]) : []
  } catch {
    return []
  }
}
