import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FeedTestServer, testCa } from '../testing/FeedTestServer'
import { FeedFetcher } from './FeedFetcher'
import type { FetchOutcome } from './feedFetchTypes'

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name))
const quick = { connectTimeoutMs: 2_000, responseTimeoutMs: 300, deadlineMs: 2_000 }

function expectError(outcome: FetchOutcome, code: string) {
  if (outcome.kind !== 'error') throw new Error(`expected a ${code} error, got ${outcome.kind}`)
  expect(outcome.code).toBe(code)
  return outcome.message
}

describe('FeedFetcher against a local server', () => {
  let server: FeedTestServer
  const fetcher = new FeedFetcher(quick)
  beforeAll(async () => {
    server = await FeedTestServer.start()
  })
  afterAll(() => server.close())

  it('fetches a feed with a plain User-Agent and keeps its ETag and Last-Modified', async () => {
    const outcome = await fetcher.fetch(server.url('/etag/wordpress-rss2.xml'))
    expect(outcome).toMatchObject({ kind: 'ok', etag: '"wordpress-rss2.xml-v1"', lastModified: 'Tue, 01 Dec 2026 08:00:00 GMT' })
    expect(outcome.kind === 'ok' && outcome.bytes.equals(fixture('wordpress-rss2.xml'))).toBe(true)
    const { headers } = server.requests.at(-1)!
    expect(headers['user-agent']).toMatch(/^Staffroom\//)
    expect(headers['accept-encoding']).toBe('gzip, deflate, br')
    expect(headers['if-none-match']).toBeUndefined()
  })

  it('sends If-None-Match / If-Modified-Since and reports 304 as not-modified', async () => {
    const outcome = await fetcher.fetch(server.url('/etag/wordpress-rss2.xml'), { etag: '"wordpress-rss2.xml-v1"', lastModified: 'Tue, 01 Dec 2026 08:00:00 GMT' })
    expect(outcome).toEqual({ kind: 'not-modified', finalUrl: server.url('/etag/wordpress-rss2.xml') })
    expect(server.requests.at(-1)!.headers).toMatchObject({ 'if-none-match': '"wordpress-rss2.xml-v1"', 'if-modified-since': 'Tue, 01 Dec 2026 08:00:00 GMT' })
  })

  it('unpacks a gzip body', async () => {
    const outcome = await fetcher.fetch(server.url('/gzip/github-style-atom.xml'))
    expect(outcome.kind === 'ok' && outcome.bytes.equals(fixture('github-style-atom.xml'))).toBe(true)
  })

  it('unpacks brotli and deflate, and refuses an encoding it does not know', async () => {
    const atom = fixture('github-style-atom.xml')
    const encoded: Record<string, Buffer> = { br: zlib.brotliCompressSync(atom), deflate: zlib.deflateSync(atom), compress: atom }
    server.route('/encoded', (request, response) => {
      const coding = new URL(request.url!, server.origin).searchParams.get('as')!
      response.writeHead(200, { 'Content-Encoding': coding }).end(encoded[coding])
    })
    for (const coding of ['br', 'deflate']) {
      const outcome = await fetcher.fetch(server.url(`/encoded?as=${coding}`))
      expect(outcome.kind === 'ok' && outcome.bytes.equals(atom), coding).toBe(true)
    }
    expect(expectError(await fetcher.fetch(server.url('/encoded?as=compress')), 'unsupported-encoding')).toMatch(/"compress"/)
  })

  it('aborts a 50 MB body at the cap while it streams, without reading it all', async () => {
    const started = performance.now()
    const message = expectError(await new FeedFetcher({ ...quick, maxBytes: 10 * 1024 * 1024 }).fetch(server.url('/huge')), 'too-large')
    const elapsed = performance.now() - started
    console.info(`FeedFetcher: 50 MB body aborted at the 10 MB cap in ${elapsed.toFixed(0)} ms (server had sent ${(server.hugeBytesSent / 1024 / 1024).toFixed(1)} MB)`)
    expect(message).toMatch(/larger than 10 MB/)
    expect(server.hugeBytesSent).toBeLessThan(30 * 1024 * 1024)
  })

  it('caps the unpacked size too: a small gzip that unpacks to 50 MB is refused', async () => {
    expectError(await new FeedFetcher({ ...quick, maxBytes: 1024 * 1024 }).fetch(server.url('/gzip-bomb')), 'too-large')
  })

  it('follows a relative redirect and reports where the feed finally came from', async () => {
    const outcome = await fetcher.fetch(server.url('/redirect/to?path=/feed/journal-rss1.rdf'))
    expect(outcome).toMatchObject({ kind: 'ok', finalUrl: server.url('/feed/journal-rss1.rdf') })
  })

  it('stops endless redirects after 5, and a loop at once', async () => {
    const before = server.requests.length
    expect(expectError(await fetcher.fetch(server.url('/redirect/forever/0')), 'too-many-redirects')).toMatch(/more than 5 times/)
    expect(server.requests.length - before).toBe(6)
    expect(expectError(await fetcher.fetch(server.url('/redirect/loop')), 'too-many-redirects')).toMatch(/loop/)
  })

  it('refuses a redirect to a non-web address and a non-web address itself', async () => {
    expect(expectError(await fetcher.fetch(server.url('/redirect/ftp')), 'refused')).toMatch(/ftp:/)
    expectError(await fetcher.fetch('file:///etc/passwd'), 'refused')
    expectError(await fetcher.fetch('javascript:alert(1)'), 'refused')
  })

  it('times out on a server that accepts and never answers, in bounded time', async () => {
    const started = performance.now()
    expect(expectError(await fetcher.fetch(server.url('/hang')), 'timeout')).toMatch(/did not answer within 0\.3 seconds/)
    expect(performance.now() - started).toBeLessThan(1_500)
  })

  it('times out a body that stalls half-way, and the deadline bounds the whole fetch', async () => {
    expect(expectError(await fetcher.fetch(server.url('/stall')), 'timeout')).toMatch(/stopped sending/)
    const slowDrip = new FeedFetcher({ ...quick, responseTimeoutMs: 5_000, deadlineMs: 400 })
    const started = performance.now()
    expect(expectError(await slowDrip.fetch(server.url('/hang')), 'timeout')).toMatch(/longer than 0\.4 seconds/)
    expect(performance.now() - started).toBeLessThan(1_500)
  })

  it('reports HTTP errors and refused connections with the host', async () => {
    expect(expectError(await fetcher.fetch(server.url('/status/404')), 'http-error')).toMatch(/127\.0\.0\.1:\d+ answered 404 Not Found: there is no feed/)
    expect(expectError(await fetcher.fetch(server.url('/status/503')), 'http-error')).toMatch(/try again later/)
    expect(expectError(await fetcher.fetch('http://127.0.0.1:1/feed'), 'network')).toMatch(/refused the connection/)
  })

  it('close() aborts a fetch in flight at once and refuses new ones', async () => {
    const closing = new FeedFetcher({ ...quick, responseTimeoutMs: 10_000, deadlineMs: 10_000 })
    const pending = closing.fetch(server.url('/hang'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    const started = performance.now()
    closing.close()
    expect(expectError(await pending, 'network')).toMatch(/closed/)
    expect(performance.now() - started).toBeLessThan(200)
    expectError(await closing.fetch(server.url('/feed/not-xml.txt')), 'network')
  })
})

describe('FeedFetcher over real TLS', () => {
  let server: FeedTestServer
  beforeAll(async () => {
    server = await FeedTestServer.start({ tls: true })
  })
  afterAll(() => server.close())

  it('fetches from a server whose CA it is given, and refuses the same server without it', async () => {
    const trusted = await new FeedFetcher({ ...quick, ca: testCa() }).fetch(server.url('/feed/github-style-atom.xml'))
    expect(trusted.kind === 'ok' && trusted.bytes.equals(fixture('github-style-atom.xml'))).toBe(true)
    expect(expectError(await new FeedFetcher(quick).fetch(server.url('/feed/github-style-atom.xml')), 'network')).toMatch(/certificate is not trusted/)
  })
})
