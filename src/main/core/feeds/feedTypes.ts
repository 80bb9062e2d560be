import type { SafeBlock } from './htmlToSafeBlocks'

/** Every limit the feed parser enforces, in one place; callers may lower or raise them per feed. */
export interface FeedLimits {
  /** Refused before decoding, so a 50 MB body costs one length check. */
  maxBytes: number
  /** Items beyond this are dropped (newest-first feeds keep their newest). */
  maxItems: number
  /** Element nesting allowed; checked by a linear scan before the XML parser ever sees the text. */
  maxDepth: number
  /** Characters kept of an item's plain-text summary. */
  maxSummaryChars: number
}

export const DEFAULT_FEED_LIMITS: FeedLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxItems: 500,
  maxDepth: 100,
  maxSummaryChars: 600,
}

export type FeedFormat = 'rss2' | 'atom1' | 'rss1'

export interface FeedItem {
  /** guid / atom:id / rdf:about, else the link, else a hash of title and date: stable across fetches. */
  id: string
  title: string
  /** Absolute http(s) address of the item, or null when the feed gives none that is safe to open. */
  url: string | null
  author: string | null
  /** Epoch milliseconds, or null when the feed gives no date we can read. */
  publishedAt: number | null
  summaryText: string
  contentBlocks: SafeBlock[]
}

export interface Feed {
  title: string
  siteUrl: string | null
  description: string
  format: FeedFormat
  items: FeedItem[]
  /** Items left out because the feed had more than maxItems. */
  itemsOmitted: number
}

export type FeedErrorCode =
  | 'empty'
  | 'too-large'
  | 'unsupported-encoding'
  | 'entities-refused'
  | 'too-deep'
  | 'not-xml'
  | 'not-a-feed'

export interface FeedError {
  code: FeedErrorCode
  message: string
}

export type ParseFeedResult = { ok: true; feed: Feed } | { ok: false; error: FeedError }
