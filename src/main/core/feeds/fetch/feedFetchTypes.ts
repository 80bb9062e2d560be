import type { FeedFetchErrorCode } from '@shared/api/feeds'

/** Every limit the fetcher enforces; tests lower them, the app uses DEFAULT_FETCH_LIMITS. */
export interface FeedFetchLimits {
  /** From the request until the TCP (and TLS) connection is up. */
  connectTimeoutMs: number
  /** From the connection until the response headers, and then the longest silence between body chunks. */
  responseTimeoutMs: number
  /** The whole fetch, redirects and body included: nothing takes longer than this. */
  deadlineMs: number
  /** Bytes read from the wire and bytes after decompression, each capped at this. */
  maxBytes: number
  maxRedirects: number
}

export const DEFAULT_FETCH_LIMITS: FeedFetchLimits = {
  connectTimeoutMs: 10_000,
  responseTimeoutMs: 15_000,
  deadlineMs: 30_000,
  // The parser refuses larger feeds anyway (DEFAULT_FEED_LIMITS.maxBytes).
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
}

export interface FeedFetcherOptions extends Partial<FeedFetchLimits> {
  /** Extra trusted certificate authorities (PEM), for tests against a local TLS server. */
  ca?: string | string[]
  userAgent?: string
}

/** What the cache remembers for a conditional GET. */
export interface ConditionalHeaders {
  etag: string | null
  lastModified: string | null
}

export type FetchOutcome =
  | {
      kind: 'ok'
      bytes: Buffer
      /** The address that finally answered, after redirects. */
      finalUrl: string
      etag: string | null
      lastModified: string | null
      /** charset from Content-Type, for bytes that declare no encoding of their own. */
      charset: string | undefined
    }
  | { kind: 'not-modified'; finalUrl: string }
  | { kind: 'error'; code: FeedFetchErrorCode; message: string }

export type FetchError = Extract<FetchOutcome, { kind: 'error' }>

export function fetchError(code: FeedFetchErrorCode, message: string): FetchError {
  return { kind: 'error', code, message }
}

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return `${mb >= 1 ? mb.toFixed(mb % 1 === 0 ? 0 : 1) : mb.toFixed(2)} MB`
}

export function seconds(ms: number): string {
  const s = ms / 1000
  return s === 1 ? '1 second' : `${s < 1 ? s.toFixed(1) : Math.round(s)} seconds`
}
