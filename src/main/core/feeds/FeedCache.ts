import { createHash } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { FeedFetchErrorCode } from '@shared/api/feeds'
import { sql, SqlRunner } from '../storage/sql'
import type { ConditionalHeaders } from './fetch/feedFetchTypes'
import type { Feed } from './feedTypes'

/** Items kept per feed: the newest, by date (or first seen). Older ones are dropped from the cache. */
export const CACHED_ITEMS_PER_FEED = 200

/** Item keys longer than this are stored as their hash; the UNIQUE index stays small. */
const MAX_KEY_CHARS = 500

interface StateRow {
  url: string
  etag: string | null
  last_modified: string | null
}

/**
 * The write side of the feed cache (tables feed_state and feed_items). A cache, not user data:
 * rebuilt by fetching, never backed up. What a failed fetch does is record the error; the items
 * already cached stay, so a feed stays readable offline.
 */
export class FeedCache {
  private readonly sql: SqlRunner

  constructor(
    db: Database,
    private readonly maxItemsPerFeed = CACHED_ITEMS_PER_FEED,
  ) {
    this.sql = new SqlRunner(db)
  }

  /** The validators of the last fetch, if it was of this same address (a changed address starts afresh). */
  conditional(feedId: string, url: string): ConditionalHeaders {
    const state = this.sql.get<StateRow>(sql`SELECT url, etag, last_modified FROM feed_state WHERE feed_id = ${feedId}`)
    if (!state || state.url !== url) return { etag: null, lastModified: null }
    return { etag: state.etag, lastModified: state.last_modified }
  }

  /** Stores a fetched feed's items (new ones added, known ones updated) and trims the feed to its newest items. */
  recordSuccess(feedId: string, url: string, validators: ConditionalHeaders, feed: Feed, now: number): { newItems: number } {
    return this.sql.transaction(() => {
      const known = new Set(this.sql.all<{ item_key: string }>(sql`SELECT item_key FROM feed_items WHERE feed_id = ${feedId}`).map((r) => r.item_key))
      let newItems = 0
      // Oldest first, so that among items without a date the feed's first gets the highest rowid.
      for (const item of [...feed.items].reverse()) {
        const key = itemKey(item.id)
        if (!known.has(key)) newItems++
        known.add(key)
        const sortAt = Math.min(item.publishedAt ?? now, now)
        const hasRemoteImages = item.contentBlocks.some((block) => block.type === 'image') ? 1 : 0
        this.sql.run(sql`
          INSERT INTO feed_items (feed_id, item_key, title, link, author, published_at, sort_at, excerpt, content_json, has_remote_images, fetched_at)
          VALUES (${feedId}, ${key}, ${item.title}, ${item.url}, ${item.author ?? ''}, ${item.publishedAt}, ${sortAt}, ${item.summaryText},
                  ${JSON.stringify(item.contentBlocks)}, ${hasRemoteImages}, ${now})
          ON CONFLICT (feed_id, item_key) DO UPDATE SET
            title = excluded.title, link = excluded.link, author = excluded.author, published_at = excluded.published_at,
            sort_at = CASE WHEN excluded.published_at IS NULL THEN feed_items.sort_at ELSE excluded.sort_at END,
            excerpt = excluded.excerpt, content_json = excluded.content_json, has_remote_images = excluded.has_remote_images`)
      }
      this.sql.run(sql`
        DELETE FROM feed_items WHERE feed_id = ${feedId} AND rowid NOT IN (
          SELECT rowid FROM feed_items WHERE feed_id = ${feedId} ORDER BY sort_at DESC, rowid DESC LIMIT ${this.maxItemsPerFeed})`)
      this.sql.run(sql`
        INSERT INTO feed_state (feed_id, url, etag, last_modified, fetched_at, status, error_code, error_message, feed_title, site_url)
        VALUES (${feedId}, ${url}, ${validators.etag}, ${validators.lastModified}, ${now}, 'ok', NULL, NULL, ${feed.title}, ${feed.siteUrl})
        ON CONFLICT (feed_id) DO UPDATE SET
          url = excluded.url, etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at,
          status = 'ok', error_code = NULL, error_message = NULL, feed_title = excluded.feed_title, site_url = excluded.site_url`)
      return { newItems }
    })
  }

  /** 304: what is cached is current. */
  recordNotModified(feedId: string, now: number): void {
    this.sql.run(sql`UPDATE feed_state SET fetched_at = ${now}, status = 'ok', error_code = NULL, error_message = NULL WHERE feed_id = ${feedId}`)
  }

  /** A failed fetch: the error is kept for the feed's row; the cached items and the last success time stay. */
  recordError(feedId: string, url: string, error: { code: FeedFetchErrorCode; message: string }): void {
    this.sql.run(sql`
      INSERT INTO feed_state (feed_id, url, etag, last_modified, fetched_at, status, error_code, error_message, feed_title, site_url)
      VALUES (${feedId}, ${url}, NULL, NULL, NULL, 'error', ${error.code}, ${error.message}, NULL, NULL)
      ON CONFLICT (feed_id) DO UPDATE SET status = 'error', error_code = excluded.error_code, error_message = excluded.error_message`)
  }

  /** Drops the cache of feeds the index no longer has at all (emptied from the trash); deleted ones keep theirs for undo. */
  dropOrphans(): number {
    return this.sql.transaction(() => {
      const items = this.sql.run(sql`DELETE FROM feed_items WHERE feed_id NOT IN (SELECT id FROM feeds)`).changes
      const states = this.sql.run(sql`DELETE FROM feed_state WHERE feed_id NOT IN (SELECT id FROM feeds)`).changes
      return items + states
    })
  }
}

function itemKey(id: string): string {
  return id.length <= MAX_KEY_CHARS ? id : `sha256:${createHash('sha256').update(id).digest('hex')}`
}
