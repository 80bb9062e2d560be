import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrations } from '../storage/migrations'
import { migrate } from '../storage/migrate'
import { CACHED_ITEMS_PER_FEED, FeedCache } from './FeedCache'
import { FeedService, REFRESH_CONCURRENCY } from './FeedService'
import type { Feed, FeedItem } from './feedTypes'
import { FeedTestServer } from './testing/FeedTestServer'

function database() {
  const db = new BetterSqlite3(':memory:')
  migrate(db, migrations)
  db.prepare("INSERT INTO feeds (id, url, title, sort_title, kind, folder, allow_images, tags_json, deleted, created_at, updated_at) VALUES ('f1', 'https://a.example/feed', '', '', 'blog', '', 0, '[]', 0, 0, 0)").run()
  return db
}

const item = (n: number, publishedAt: number | null): FeedItem => ({
  id: `guid-${n}`,
  title: `Post ${n}`,
  url: `https://a.example/${n}`,
  author: null,
  publishedAt,
  summaryText: `Summary ${n}`,
  contentBlocks: [{ type: 'paragraph', inlines: [{ type: 'text', text: `Body ${n}` }] }],
})
const feedOf = (items: FeedItem[]): Feed => ({ title: 'A', siteUrl: null, description: '', format: 'rss2', items, itemsOmitted: 0 })
const validators = { etag: '"v1"', lastModified: null }

describe('FeedCache', () => {
  it('keeps the newest items of a feed, counts only new ones, and sorts undated items by when they were first seen', () => {
    const db = database()
    const cache = new FeedCache(db)
    const dated = Array.from({ length: CACHED_ITEMS_PER_FEED + 50 }, (_, i) => item(i, Date.UTC(2026, 0, 1) + i * 60_000)).reverse()
    expect(cache.recordSuccess('f1', 'https://a.example/feed', validators, feedOf(dated), Date.UTC(2026, 5, 1))).toEqual({ newItems: 250 })
    const keys = () => db.prepare('SELECT item_key FROM feed_items ORDER BY sort_at DESC, rowid DESC').pluck().all() as string[]
    expect(keys()).toHaveLength(CACHED_ITEMS_PER_FEED)
    expect(keys()[0]).toBe('guid-249')
    expect(keys().at(-1)).toBe('guid-50')
    expect(cache.recordSuccess('f1', 'https://a.example/feed', validators, feedOf(dated.slice(0, 10)), Date.UTC(2026, 5, 2))).toEqual({ newItems: 0 })

    // Undated and future-dated items sort at "now", newest of the feed's own order first.
    const later = Date.UTC(2026, 5, 3)
    cache.recordSuccess('f1', 'https://a.example/feed', validators, feedOf([item(900, null), item(901, Date.UTC(2099, 0, 1))]), later)
    expect(keys().slice(0, 2)).toEqual(['guid-900', 'guid-901'])
    expect(db.prepare("SELECT sort_at FROM feed_items WHERE item_key = 'guid-901'").pluck().get()).toBe(later)
  })

  it('keeps the items and the last success when a fetch fails; a changed address drops the validators', () => {
    const db = database()
    const cache = new FeedCache(db)
    cache.recordSuccess('f1', 'https://a.example/feed', validators, feedOf([item(1, 1)]), 1000)
    cache.recordError('f1', 'https://a.example/feed', { code: 'timeout', message: 'slow' })
    expect(db.prepare('SELECT status, error_code, fetched_at, etag FROM feed_state').get()).toEqual({ status: 'error', error_code: 'timeout', fetched_at: 1000, etag: '"v1"' })
    expect(db.prepare('SELECT count(*) FROM feed_items').pluck().get()).toBe(1)
    expect(cache.conditional('f1', 'https://a.example/feed')).toEqual({ etag: '"v1"', lastModified: null })
    expect(cache.conditional('f1', 'https://b.example/feed')).toEqual({ etag: null, lastModified: null })
    cache.recordNotModified('f1', 2000)
    expect(db.prepare('SELECT status, error_code, fetched_at FROM feed_state').get()).toEqual({ status: 'ok', error_code: null, fetched_at: 2000 })
  })

  it('drops the cache of a feed the index no longer has, and only that', () => {
    const db = database()
    const cache = new FeedCache(db)
    cache.recordSuccess('f1', 'https://a.example/feed', validators, feedOf([item(1, 1)]), 1)
    cache.recordSuccess('gone', 'https://gone.example/feed', validators, feedOf([item(1, 1), item(2, 2)]), 1)
    expect(cache.dropOrphans()).toBe(3)
    expect(db.prepare('SELECT DISTINCT feed_id FROM feed_items').pluck().all()).toEqual(['f1'])
  })
})

describe('FeedService', () => {
  let server: FeedTestServer
  let active = 0
  let mostAtOnce = 0
  beforeAll(async () => {
    server = await FeedTestServer.start()
    server.route('/slow', (_request, response) => {
      mostAtOnce = Math.max(mostAtOnce, ++active)
      setTimeout(() => {
        active--
        response.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end('<rss version="2.0"><channel><title>Slow</title><item><title>One</title></item></channel></rss>')
      }, 60)
    })
  })
  afterAll(() => server.close())

  it(`fetches at most ${REFRESH_CONCURRENCY} feeds at a time, reports progress, and a second request for a feed joins the first`, async () => {
    const changed: string[][] = []
    const service = new FeedService(database(), (ids) => changed.push(ids), { responseTimeoutMs: 2_000 })
    const targets = Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, url: server.url(`/slow?n=${i}`) }))
    const progress: number[] = []
    const before = server.requests.length
    const [results, joined] = await Promise.all([service.refreshAll(targets, (done) => progress.push(done)), service.refreshOne(targets[0]!)])
    expect(mostAtOnce).toBe(REFRESH_CONCURRENCY)
    expect(server.requests.length - before).toBe(10)
    expect(results.map((r) => [r.feedId, r.status, r.newItems])).toEqual(targets.map((t) => [t.id, 'ok', 1]))
    expect(joined).toBe(results[0])
    expect(progress).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    // One batched change event, not one per feed.
    expect(changed.flat().sort()).toEqual(targets.map((t) => t.id).sort())
    expect(changed.length).toBeLessThan(4)
    await service.shutdown()
  })
})
