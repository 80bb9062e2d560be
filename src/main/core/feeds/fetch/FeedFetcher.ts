import http from 'node:http'
import https from 'node:https'
import type { Readable } from 'node:stream'
import { describeNetworkError } from './describeNetworkError'
import { contentDecoder } from './contentDecoder'
import {
  DEFAULT_FETCH_LIMITS,
  fetchError,
  megabytes,
  seconds,
  type ConditionalHeaders,
  type FeedFetcherOptions,
  type FeedFetchLimits,
  type FetchError,
  type FetchOutcome,
} from './feedFetchTypes'

type Attempt = FetchOutcome | { kind: 'redirect'; location: string | undefined }

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5'
export const FEED_USER_AGENT = 'Staffroom/0.1 (feed reader for teachers)'

/**
 * Fetches feeds over http(s) with node's own client and never more than the limits allow: a
 * server that does not connect, does not answer or stalls mid-body times out; a body (on the wire
 * and after decompression) longer than maxBytes is cut off as it streams; redirects are bounded
 * and each target checked; a conditional GET turns "nothing new" into 'not-modified'.
 * `close()` aborts every fetch in flight and refuses new ones.
 */
export class FeedFetcher {
  readonly limits: FeedFetchLimits
  private readonly active = new Set<AbortController>()
  private closed = false

  constructor(private readonly options: FeedFetcherOptions = {}) {
    const given = Object.fromEntries(Object.entries(options).filter(([key, value]) => key in DEFAULT_FETCH_LIMITS && value !== undefined))
    this.limits = { ...DEFAULT_FETCH_LIMITS, ...given }
  }

  async fetch(url: string, conditional: ConditionalHeaders = { etag: null, lastModified: null }): Promise<FetchOutcome> {
    if (this.closed) return fetchError('network', 'Staffroom is closing, so the feed was not fetched.')
    const controller = new AbortController()
    this.active.add(controller)
    const deadline = setTimeout(
      () => controller.abort(fetchError('timeout', `The feed took longer than ${seconds(this.limits.deadlineMs)} to arrive, so Staffroom gave up on it.`)),
      this.limits.deadlineMs,
    )
    try {
      return await this.follow(url, conditional, controller.signal)
    } finally {
      clearTimeout(deadline)
      this.active.delete(controller)
    }
  }

  /** Aborts every fetch in flight (they end with a 'network' error) and refuses new ones. */
  close(): void {
    this.closed = true
    for (const controller of this.active) controller.abort(fetchError('network', 'Staffroom closed while the feed was being fetched.'))
  }

  private async follow(url: string, conditional: ConditionalHeaders, signal: AbortSignal): Promise<FetchOutcome> {
    let target = webAddress(url)
    if (!target) return fetchError('refused', `"${url.slice(0, 200)}" is not an http or https address, so Staffroom does not fetch it.`)
    const visited = new Set<string>()
    for (let redirects = 0; ; redirects++) {
      visited.add(target.href)
      const attempt = await this.attempt(target, conditional, signal)
      if (attempt.kind !== 'redirect') return attempt
      if (!attempt.location) return fetchError('http-error', `${target.host} answered with a redirect but did not say where to.`)
      const next = webAddress(attempt.location, target)
      if (!next) return fetchError('refused', `${target.host} redirected to "${attempt.location.slice(0, 200)}", which is not an http or https address; Staffroom does not follow it.`)
      if (visited.has(next.href)) return fetchError('too-many-redirects', `The address redirects in a loop (back to ${next.href.slice(0, 200)}), so the feed cannot be reached.`)
      if (redirects + 1 > this.limits.maxRedirects) {
        return fetchError('too-many-redirects', `The address redirected more than ${this.limits.maxRedirects} times without reaching a feed, so Staffroom stopped following it.`)
      }
      target = next
    }
  }

  /** One request: resolves with the outcome, or with where a redirect points; never rejects. */
  private attempt(target: URL, conditional: ConditionalHeaders, signal: AbortSignal): Promise<Attempt> {
    const { limits } = this
    return new Promise<Attempt>((resolve) => {
      if (signal.aborted) return resolve(signal.reason as FetchError)
      let settled = false
      let timer: NodeJS.Timeout | undefined
      let request: http.ClientRequest | undefined
      const streams: Readable[] = []
      const finish = (outcome: Attempt) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        signal.removeEventListener('abort', onAbort)
        for (const stream of streams) stream.destroy()
        request?.destroy()
        resolve(outcome)
      }
      const onAbort = () => finish(signal.reason as FetchError)
      const arm = (ms: number, message: string) => {
        clearTimeout(timer)
        timer = setTimeout(() => finish(fetchError('timeout', message)), ms)
      }
      signal.addEventListener('abort', onAbort, { once: true })
      arm(limits.connectTimeoutMs, `${target.host} did not accept a connection within ${seconds(limits.connectTimeoutMs)}.`)
      const headers: Record<string, string> = { 'User-Agent': this.options.userAgent ?? FEED_USER_AGENT, Accept: ACCEPT, 'Accept-Encoding': 'gzip, deflate, br' }
      if (conditional.etag) headers['If-None-Match'] = conditional.etag
      if (conditional.lastModified) headers['If-Modified-Since'] = conditional.lastModified
      const awaitAnswer = () => arm(limits.responseTimeoutMs, `${target.host} accepted the connection but did not answer within ${seconds(limits.responseTimeoutMs)}.`)
      try {
        const client = target.protocol === 'https:' ? https : http
        request = client.request(target, { method: 'GET', headers, agent: false, ca: this.options.ca })
      } catch (error) {
        return finish(fetchError('refused', `Staffroom cannot request ${target.href.slice(0, 200)}: ${error instanceof Error ? error.message : String(error)}.`))
      }
      request.on('error', (error) => finish(describeNetworkError(error, target.host)))
      request.on('socket', (socket) => {
        const event = target.protocol === 'https:' ? 'secureConnect' : 'connect'
        if (socket.connecting || event === 'secureConnect') socket.once(event, awaitAnswer)
        else awaitAnswer()
      })
      request.on('response', (response) => {
        streams.push(response)
        const status = response.statusCode ?? 0
        if (REDIRECTS.has(status)) return finish({ kind: 'redirect', location: response.headers.location })
        if (status === 304) return finish({ kind: 'not-modified', finalUrl: target.href })
        if (status < 200 || status > 299) return finish(fetchError('http-error', httpErrorMessage(target.host, status, response.statusMessage)))
        const declared = Number(response.headers['content-length'])
        if (Number.isFinite(declared) && declared > limits.maxBytes) return finish(tooLarge(limits.maxBytes))
        const decoder = contentDecoder(response.headers['content-encoding'])
        if ('unsupported' in decoder) {
          return finish(fetchError('unsupported-encoding', `${target.host} compressed the feed as "${decoder.unsupported}", which Staffroom cannot read.`))
        }
        const body = decoder.stream ? response.pipe(decoder.stream) : response
        if (decoder.stream) streams.push(decoder.stream)
        const stall = `${target.host} stopped sending the feed for more than ${seconds(limits.responseTimeoutMs)}.`
        arm(limits.responseTimeoutMs, stall)
        let wireBytes = 0
        let bodyBytes = 0
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => {
          wireBytes += chunk.length
          arm(limits.responseTimeoutMs, stall)
          if (wireBytes > limits.maxBytes) finish(tooLarge(limits.maxBytes))
        })
        response.on('error', () => finish(fetchError('network', `The connection to ${target.host} broke before the whole feed arrived.`)))
        response.on('close', () => {
          if (!response.complete) finish(fetchError('network', `The connection to ${target.host} closed before the whole feed arrived.`))
        })
        if (decoder.stream) {
          decoder.stream.on('error', () => finish(fetchError('unsupported-encoding', `${target.host} sent a compressed feed that is damaged and cannot be unpacked.`)))
          body.on('data', (chunk: Buffer) => {
            bodyBytes += chunk.length
            // The decoded size is capped too: a small gzip body can unpack to gigabytes.
            if (bodyBytes > limits.maxBytes) finish(tooLarge(limits.maxBytes))
            else chunks.push(chunk)
          })
        } else {
          response.on('data', (chunk: Buffer) => void (settled || chunks.push(chunk)))
        }
        body.on('end', () =>
          finish({
            kind: 'ok',
            bytes: Buffer.concat(chunks),
            finalUrl: target.href,
            etag: headerValue(response.headers.etag),
            lastModified: headerValue(response.headers['last-modified']),
            charset: /charset\s*=\s*"?([^";\s]+)/i.exec(response.headers['content-type'] ?? '')?.[1],
          }),
        )
      })
      request.end()
    })
  }
}

/** An http(s) URL, resolved against base when given; anything else is null. */
function webAddress(value: string, base?: URL): URL | null {
  try {
    const url = new URL(value, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null
  } catch {
    return null
  }
}

function tooLarge(maxBytes: number): FetchError {
  return fetchError('too-large', `The feed is larger than ${megabytes(maxBytes)}, the most Staffroom reads from one feed, so it was not read.`)
}

function headerValue(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value
  return first && first.length <= 1000 ? first : null
}

function httpErrorMessage(host: string, status: number, statusText: string | undefined): string {
  const answered = `${host} answered ${status}${statusText ? ` ${statusText}` : ''}`
  if (status === 404 || status === 410) return `${answered}: there is no feed at this address (any more). Check the address on the site.`
  if (status === 401 || status === 403) return `${answered}: the server does not let Staffroom read this feed.`
  if (status === 429 || status >= 500) return `${answered}: the server has a problem right now; try again later.`
  return `${answered}, so the feed could not be read.`
}
