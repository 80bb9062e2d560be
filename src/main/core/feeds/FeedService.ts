import type { Database } from 'better-sqlite3'
import { Coalescer } from '../events/Coalescer'
import type { FeedFetchErrorCode, FeedRefreshResult } from '@shared/api/feeds'
import type { FeedErrorCode, ParseFeedResult } from './feedTypes'
import { CACHED_ITEMS_PER_FEED, FeedCache } from './FeedCache'
import { FeedFetcher } from './fetch/FeedFetcher'
import type { FeedFetcherOptions } from './fetch/feedFetchTypes'
import { parseFeed } from './parseFeed'

/** Feeds fetched at the same time by a refresh of all. */
export const REFRESH_CONCURRENCY = 4

export interface FeedTarget {
  id: string
  url: string
}

/** Parser refusals in the contract's words; the message keeps the detail. */
const parserCodes: Record<FeedErrorCode, FeedFetchErrorCode> = {
  'empty': 'not-a-feed',
  'too-large': 'too-large',
  'unsupported-encoding': 'unsupported-encoding',
  'entities-refused': 'refused',
  'too-deep': 'refused',
  'not-xml': 'not-xml',
  'not-a-feed': 'not-a-feed',
}

/**
 * Fetches feeds into the cache: one at a time per feed (a second request for a feed being
 * fetched joins the first), a few feeds at a time for "refresh all", every outcome recorded
 * per feed so one bad feed never stops the others. `shutdown` aborts what is in flight and
 * waits for it, so nothing writes to the database after the core closes it.
 */
export class FeedService {
  readonly fetcher: FeedFetcher
  readonly cache: FeedCache
  private readonly inFlight = new Map<string, Promise<FeedRefreshResult>>()
  /** A refresh of thousands of feeds tells the UI a few times a second, not once per feed. */
  private readonly changed: Coalescer<string>
  private closing = false

  constructor(db: Database, onCacheChanged: (feedIds: string[]) => void, options: FeedFetcherOptions = {}) {
    this.fetcher = new FeedFetcher(options)
    this.cache = new FeedCache(db)
    this.changed = new Coalescer(250, onCacheChanged)
  }

  /** Fetches one feed now (or joins the fetch already running for it). */
  refreshOne(feed: FeedTarget): Promise<FeedRefreshResult> {
    const running = this.inFlight.get(feed.id)
    if (running) return running
    const fetching = this.fetchIntoCache(feed).finally(() => this.inFlight.delete(feed.id))
    this.inFlight.set(feed.id, fetching)
    return fetching
  }

  /** Starts a fetch the caller does not wait for (a feed just followed); its outcome lands in the cache. */
  refreshInBackground(feed: FeedTarget): void {
    this.refreshOne(feed).catch((error: unknown) => console.error(`staffroom: fetching feed ${feed.id} failed`, error))
  }

  /** Fetches every feed, REFRESH_CONCURRENCY at a time; results in the order given. */
  async refreshAll(feeds: readonly FeedTarget[], onProgress: (done: number, total: number) => void): Promise<FeedRefreshResult[]> {
    this.cache.dropOrphans()
    const results: FeedRefreshResult[] = new Array<FeedRefreshResult>(feeds.length)
    let next = 0
    let done = 0
    onProgress(0, feeds.length)
    const worker = async () => {
      while (next < feeds.length) {
        const index = next++
        results[index] = await this.refreshOne(feeds[index]!)
        onProgress(++done, feeds.length)
      }
    }
    await Promise.all(Array.from({ length: Math.min(REFRESH_CONCURRENCY, feeds.length) }, worker))
    this.changed.flush()
    return results
  }

  async shutdown(): Promise<void> {
    this.closing = true
    this.fetcher.close()
    await Promise.allSettled([...this.inFlight.values()])
    this.changed.cancel()
  }

  private async fetchIntoCache(feed: FeedTarget): Promise<FeedRefreshResult> {
    const outcome = await this.fetcher.fetch(feed.url, this.cache.conditional(feed.id, feed.url))
    // Aborted by shutdown: that is no fact about the feed worth recording.
    if (this.closing) return { feedId: feed.id, status: 'error', newItems: 0, error: { code: 'network', message: 'Staffroom closed before the feed arrived.' } }
    const now = Date.now()
    let result: FeedRefreshResult
    if (outcome.kind === 'not-modified') {
      this.cache.recordNotModified(feed.id, now)
      result = { feedId: feed.id, status: 'not-modified', newItems: 0, error: null }
    } else if (outcome.kind === 'error') {
      result = this.failed(feed, { code: outcome.code, message: outcome.message })
    } else {
      const parsed = this.parse(outcome.bytes, outcome.charset)
      if (!parsed.ok) result = this.failed(feed, { code: parserCodes[parsed.error.code], message: parsed.error.message })
      else {
        const { newItems } = this.cache.recordSuccess(feed.id, feed.url, { etag: outcome.etag, lastModified: outcome.lastModified }, parsed.feed, now)
        result = { feedId: feed.id, status: 'ok', newItems, error: null }
      }
    }
    this.changed.add(feed.id)
    return result
  }

  private parse(bytes: Uint8Array, httpCharset: string | undefined): ParseFeedResult {
    try {
      return parseFeed(bytes, { httpCharset, maxBytes: this.fetcher.limits.maxBytes, maxItems: CACHED_ITEMS_PER_FEED })
    } catch (error) {
      // The parser refuses bad input with a result; a throw is a case it did not foresee, kept to this feed.
      return { ok: false, error: { code: 'not-xml', message: `This feed could not be read (${error instanceof Error ? error.message : String(error)}).` } }
    }
  }

  private failed(feed: FeedTarget, error: { code: FeedFetchErrorCode; message: string }): FeedRefreshResult {
    this.cache.recordError(feed.id, feed.url, error)
    return { feedId: feed.id, status: 'error', newItems: 0, error }
  }
}
