import { z } from 'zod'
import type { SafeBlock } from '../feeds/safeBlocks'
import { feedFields, feedKinds } from '../network/records'
import { patchSchema } from '../network/patchSchema'
import { page, recordId, type UndoReceipt } from './networkCommon'

/** Why the last fetch of a feed failed; each has a sentence for the teacher in `message`. */
export type FeedFetchErrorCode =
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'http-error'
  | 'network'
  | 'not-xml'
  | 'not-a-feed'
  | 'refused'
  | 'unsupported-encoding'

/** A followed feed as lists show it: the record plus what the core last fetched. */
export interface FeedRow {
  id: string
  url: string
  /** The teacher's title, else the feed's own, else the address. */
  title: string
  kind: (typeof feedKinds)[number]
  folder: string
  contactId: string | null
  allowImages: boolean
  /** never = not fetched yet; ok = last fetch worked (or said not modified); error = it failed. */
  status: 'never' | 'ok' | 'error'
  lastFetchedAt: number | null
  error: { code: FeedFetchErrorCode; message: string } | null
  siteUrl: string | null
  itemCount: number
  deleted: boolean
}

export interface FeedItemRow {
  /** The cache row's id; stable while the item is cached. */
  id: string
  feedId: string
  feedTitle: string
  title: string
  url: string | null
  author: string
  publishedAt: number | null
  /** Plain-text start of the item, for lists. */
  excerpt: string
  hasRemoteImages: boolean
  /** The reading-list item made from it, if any. */
  readingId: string | null
}

export interface FeedRefreshResult {
  feedId: string
  status: 'ok' | 'not-modified' | 'error'
  newItems: number
  error: { code: FeedFetchErrorCode; message: string } | null
}

export interface OpmlImportResult {
  added: number
  /** Already followed (same normalised address) or repeated in the file. */
  alreadyFollowed: number
  /** Outlines that were not feeds or had unusable addresses, with the reason. */
  skipped: Array<{ title: string; reason: string }>
}

export const feedsArgs = {
  'feeds.list': z.object({ show: z.enum(['live', 'deleted']).default('live') }),
  /** Follows a feed (refused if it is already followed) and fetches it in the background. */
  'feeds.add': z.object({
    url: feedFields.shape.url,
    title: z.string().trim().max(300).optional(),
    kind: z.enum(feedKinds).optional(),
    folder: z.string().trim().max(200).optional(),
    contactId: recordId.nullable().optional(),
  }),
  'feeds.update': z.object({ id: recordId, patch: patchSchema(feedFields.omit({ url: true })) }),
  'feeds.remove': z.object({ id: recordId }),
  'feeds.restore': z.object({ id: recordId }),
  /** Fetches one feed, or every followed feed (a few at a time, `progress` events with task 'feeds.refresh'). */
  'feeds.refresh': z.object({ id: recordId.optional() }),
  /** Cached items, newest first: of one feed, or of every followed feed. */
  'feeds.items': z.object({ feedId: recordId.optional(), ...page }),
  /** One cached item with its sanitised content; remote images only if the feed allows them. */
  'feeds.item': z.object({ itemId: z.string().min(1).max(40) }),
  /** An OPML file's bytes as base64 (an upload method); all-or-nothing. */
  'feeds.importOpml': z.object({ fileName: z.string().max(300), base64: z.string().max(40_000_000) }),
  'feeds.exportOpml': z.object({}),
}

export interface FeedsResults {
  'feeds.list': { feeds: FeedRow[] }
  'feeds.add': { feed: FeedRow }
  'feeds.update': { feed: FeedRow }
  'feeds.remove': UndoReceipt
  'feeds.restore': { feed: FeedRow }
  'feeds.refresh': { results: FeedRefreshResult[] }
  'feeds.items': { items: FeedItemRow[]; total: number }
  'feeds.item': { item: FeedItemRow; blocks: SafeBlock[]; imagesAllowed: boolean }
  'feeds.importOpml': OpmlImportResult
  'feeds.exportOpml': { fileName: string; text: string }
}
