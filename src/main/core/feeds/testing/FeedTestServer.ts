import { readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { join } from 'node:path'
import zlib from 'node:zlib'

const fixturesDir = join(__dirname, '..', 'fixtures')
const tlsDir = join(__dirname, 'tls')
const MB = 1024 * 1024

/** The CA that signed the TLS test server's certificate (127.0.0.1 and localhost), for the fetcher's `ca`. */
export const testCa = (): string => readFileSync(join(tlsDir, 'ca.pem'), 'utf8')

type Route = (request: http.IncomingMessage, response: http.ServerResponse) => void

/**
 * A real HTTP (or HTTPS) server on 127.0.0.1 for feed tests. Built-in routes:
 * - `/feed/<fixture>`: a file from ../fixtures; `/gzip/<fixture>`: the same gzip-encoded;
 *   `/etag/<fixture>`: with an ETag, answering 304 when If-None-Match matches;
 * - `/huge`: a 50 MB XML body streamed in 64 KB chunks (never held in memory; `hugeBytesSent` says how much went out);
 * - `/gzip-bomb`: a gzip body that unpacks to 50 MB of spaces, compressed as it streams;
 * - `/redirect/forever/<n>`: redirects to n+1 without end; `/redirect/loop`: to itself;
 *   `/redirect/to?path=...`: once, relative; `/redirect/ftp`: to an ftp: address;
 * - `/hang`: accepts the request and never answers; `/stall`: sends headers and half a feed, then nothing;
 * - `/status/<code>`.
 * Tests add their own with `route`. `requests` records each request's path and headers.
 */
export class FeedTestServer {
  readonly requests: Array<{ path: string; headers: http.IncomingHttpHeaders }> = []
  hugeBytesSent = 0
  private readonly routes = new Map<string, Route>()
  private readonly sockets = new Set<Socket>()

  private constructor(
    private readonly server: http.Server,
    readonly origin: string,
  ) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
  }

  static async start(options: { tls?: boolean } = {}): Promise<FeedTestServer> {
    // The handler needs the instance, which needs the port, which needs the server.
    const started: { instance?: FeedTestServer } = {}
    const handler = (request: http.IncomingMessage, response: http.ServerResponse) => started.instance!.handle(request, response)
    const server = options.tls
      ? https.createServer({ key: readFileSync(join(tlsDir, 'server-key.pem')), cert: readFileSync(join(tlsDir, 'server-cert.pem')) }, handler)
      : http.createServer(handler)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    started.instance = new FeedTestServer(server, `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`)
    return started.instance
  }

  url(path: string): string {
    return `${this.origin}${path}`
  }

  route(path: string, handler: Route): void {
    this.routes.set(path, handler)
  }

  /** Closes the server and every connection still open (hanging requests included). */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const url = new URL(request.url ?? '/', this.origin)
    this.requests.push({ path: url.pathname + url.search, headers: request.headers })
    response.on('error', () => undefined)
    const custom = this.routes.get(url.pathname)
    if (custom) return custom(request, response)
    const [, section = '', rest = ''] = /^\/([^/]+)\/?(.*)$/.exec(url.pathname) ?? []
    switch (section) {
      case 'feed':
        return sendFixture(response, rest)
      case 'gzip':
        response.writeHead(200, { 'Content-Type': contentType(rest), 'Content-Encoding': 'gzip' })
        return void response.end(zlib.gzipSync(readFileSync(join(fixturesDir, rest))))
      case 'etag': {
        const etag = `"${rest}-v1"`
        if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { ETag: etag }).end()
        return sendFixture(response, rest, { ETag: etag, 'Last-Modified': 'Tue, 01 Dec 2026 08:00:00 GMT' })
      }
      case 'huge':
        return this.streamHuge(response)
      case 'gzip-bomb':
        return streamGzipBomb(response)
      case 'redirect':
        return redirect(response, rest, url)
      case 'hang':
        return // never answers; close() destroys the socket
      case 'stall':
        response.writeHead(200, { 'Content-Type': 'application/rss+xml' })
        return void response.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Half')
      case 'status':
        return void response.writeHead(Number(rest) || 500).end('no feed here')
      default:
        return void response.writeHead(404).end('not found')
    }
  }

  private streamHuge(response: http.ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'application/rss+xml' })
    const chunk = Buffer.from(`<item><title>${'x'.repeat(64 * 1024 - 30)}</title></item>\n`)
    const write = () => {
      while (this.hugeBytesSent < 50 * MB && !response.destroyed) {
        this.hugeBytesSent += chunk.length
        if (!response.write(chunk)) return void response.once('drain', write)
      }
      if (!response.destroyed) response.end()
    }
    response.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>\n')
    write()
  }
}

function sendFixture(response: http.ServerResponse, name: string, headers: http.OutgoingHttpHeaders = {}): void {
  let body: Buffer
  try {
    body = readFileSync(join(fixturesDir, name.replace(/[^\w.-]/g, '')))
  } catch {
    return void response.writeHead(404).end('no such fixture')
  }
  response.writeHead(200, { 'Content-Type': contentType(name), 'Content-Length': body.length, ...headers }).end(body)
}

function contentType(name: string): string {
  if (name.endsWith('.html')) return 'text/html; charset=utf-8'
  if (name.endsWith('.txt')) return 'text/plain'
  return name.endsWith('.rdf') ? 'application/rdf+xml' : 'application/rss+xml'
}

function streamGzipBomb(response: http.ServerResponse): void {
  response.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Encoding': 'gzip' })
  const gzip = zlib.createGzip({ level: 9 })
  gzip.pipe(response)
  const spaces = Buffer.alloc(MB, 0x20)
  let written = 0
  const write = () => {
    while (written < 50 && !response.destroyed) {
      written++
      if (!gzip.write(spaces)) return void gzip.once('drain', write)
    }
    gzip.end()
  }
  response.on('close', () => gzip.destroy())
  write()
}

function redirect(response: http.ServerResponse, rest: string, url: URL): void {
  const forever = /^forever\/(\d+)$/.exec(rest)
  if (forever) return void response.writeHead(302, { Location: `/redirect/forever/${Number(forever[1]) + 1}` }).end()
  if (rest === 'loop') return void response.writeHead(301, { Location: '/redirect/loop' }).end()
  if (rest === 'ftp') return void response.writeHead(302, { Location: 'ftp://files.example.org/feed.xml' }).end()
  if (rest === 'to') return void response.writeHead(307, { Location: url.searchParams.get('path') ?? '/' }).end()
  response.writeHead(404).end()
}
