import { isDeepStrictEqual } from 'node:util'
import type { FeedItemRow, FeedRefreshResult, FeedRow, OpmlImportResult } from '@shared/api/feeds'
import { CACHED_ITEMS_PER_FEED } from '../../../src/main/core/feeds/FeedCache'
import { parseFeed } from '../../../src/main/core/feeds/parseFeed'
import type { FeedTestServer } from '../../../src/main/core/feeds/testing/FeedTestServer'
import { countDelta, unclearError, unclearMessage, type FilesCore } from './filesCore'
import { changedDocuments, TrialViolation } from './importTrial'

const feedErrorCodes = ['empty', 'too-large', 'unsupported-encoding', 'entities-refused', 'too-deep', 'not-xml', 'not-a-feed']

/**
 * parseFeed, the function FeedService runs on every body a server sends: it must answer with a
 * feed or a typed refusal and never throw (a throw reaches the teacher as the parser's raw words,
 * see FeedService.parse).
 */
export function parseFeedTrial(bytes: Uint8Array): string {
  let result: ReturnType<typeof parseFeed>
  try {
    result = parseFeed(bytes, { maxItems: CACHED_ITEMS_PER_FEED })
  } catch (error) {
    throw new TrialViolation(`parseFeed threw instead of refusing: ${String(error).slice(0, 300)}`)
  }
  if (result.ok) {
    if (result.feed.items.length > CACHED_ITEMS_PER_FEED) throw new TrialViolation(`parseFeed kept ${result.feed.items.length} items, over its limit`)
    return 'parsed'
  }
  if (!feedErrorCodes.includes(result.error.code)) throw new TrialViolation(`parseFeed refused with an unknown code "${result.error.code}"`)
  const why = unclearMessage(result.error.message)
  if (why) throw new TrialViolation(`parseFeed: ${why}`)
  return `refused-${result.error.code}`
}

/** The feed the core follows at `/fuzz` on the test server, whose body each trial replaces. */
export class FuzzedFeed {
  private body: Uint8Array = new Uint8Array()

  private constructor(
    private readonly files: FilesCore,
    readonly id: string,
  ) {}

  static async follow(files: FilesCore, server: FeedTestServer): Promise<FuzzedFeed> {
    const holder: { feed?: FuzzedFeed } = {}
    server.route('/fuzz', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' })
      response.end(Buffer.from(holder.feed?.body ?? new Uint8Array()))
    })
    const { feed } = await files.call<{ feed: FeedRow }>('feeds.add', { url: server.url('/fuzz'), kind: 'blog' })
    holder.feed = new FuzzedFeed(files, feed.id)
    // feeds.add fetches in the background; let that finish so it does not race the first trial.
    await files.call('feeds.refresh', { id: feed.id })
    return holder.feed
  }

  /**
   * Serves `bytes` and refreshes the feed through the core. A refusal must carry a typed error
   * with a clear message and leave the cached items exactly as they were; a success keeps every
   * item the parser read (up to the cache's limit).
   */
  async trial(bytes: Uint8Array): Promise<string> {
    this.body = bytes
    const before = await this.items()
    const { results } = await this.files.call<{ results: FeedRefreshResult[] }>('feeds.refresh', { id: this.id })
    const [result] = results
    if (!result || result.feedId !== this.id) throw new TrialViolation(`feeds.refresh answered for ${JSON.stringify(results)}`)
    const after = await this.items()
    if (result.status === 'error') {
      if (!result.error) throw new TrialViolation('feeds.refresh: an error result without an error')
      const why = unclearError({ code: 'bad-request', message: result.error.message })
      if (why) throw new TrialViolation(`feeds.refresh (${result.error.code}): ${why}`)
      if (!isDeepStrictEqual(before, after)) throw new TrialViolation(`feeds.refresh refused (${result.error.message}) yet the cached items changed`)
      await this.files.assertResponsive()
      return `refused-${result.error.code}`
    }
    const parsed = parseFeed(bytes, { maxItems: CACHED_ITEMS_PER_FEED })
    if (!parsed.ok) throw new TrialViolation(`feeds.refresh said ${result.status} for a body parseFeed refuses (${parsed.error.message})`)
    // Older items may be pushed out by newer ones from earlier trials, so the count is what is checked.
    const distinct = new Set(parsed.feed.items.map((item) => item.id)).size
    if (after.length < Math.min(CACHED_ITEMS_PER_FEED, distinct)) throw new TrialViolation(`feeds.refresh said ok for ${distinct} items, yet ${after.length} are cached`)
    if (result.newItems > distinct) throw new TrialViolation(`feeds.refresh counted ${result.newItems} new items out of ${distinct}`)
    await this.files.assertResponsive()
    return 'refreshed'
  }

  private async items(): Promise<Array<Pick<FeedItemRow, 'id' | 'title' | 'url' | 'publishedAt'>>> {
    const { items } = await this.files.call<{ items: FeedItemRow[] }>('feeds.items', { feedId: this.id, limit: CACHED_ITEMS_PER_FEED })
    return items.map(({ id, title, url, publishedAt }) => ({ id, title, url, publishedAt }))
  }
}

/**
 * One OPML file through feeds.importOpml, as the UI sends it. Refused: a typed, human error and
 * no document changed. Imported: exactly `added` feeds more, and every skipped outline's reason readable.
 */
export async function opmlTrial(files: FilesCore, bytes: Uint8Array): Promise<string> {
  const before = await files.state()
  const countsBefore = await files.counts()
  const answer = await files.dispatch('feeds.importOpml', { fileName: 'subscriptions.opml', base64: Buffer.from(bytes).toString('base64') })
  if (!answer.ok) {
    const why = unclearError(answer.error)
    if (why) throw new TrialViolation(`opml: ${why}`)
    const after = await files.state()
    if (!isDeepStrictEqual(before, after)) throw new TrialViolation(`opml: partial import: refused (${answer.error.message.slice(0, 200)}) yet documents changed: ${changedDocuments(before, after)}`)
    await files.assertResponsive()
    return 'refused'
  }
  const result = answer.value as OpmlImportResult
  const delta = countDelta(countsBefore, await files.counts())
  if (!isDeepStrictEqual(delta, result.added > 0 ? { feed: result.added } : {})) throw new TrialViolation(`opml: said it added ${result.added} feeds, the profile changed by ${JSON.stringify(delta)}`)
  for (const skipped of result.skipped) {
    const why = unclearMessage(skipped.reason)
    if (why) throw new TrialViolation(`opml: a skipped outline's reason: ${why}`)
  }
  await files.assertResponsive()
  return result.added > 0 ? 'imported' : 'imported-nothing-new'
}
