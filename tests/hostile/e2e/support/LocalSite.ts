import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/** A page the site serves at a path. */
export interface SiteRoute {
  type: string
  text: string
  headers?: Record<string, string>
}

/**
 * An HTTP server on 127.0.0.1 that counts everything that reaches it. With no routes it is a
 * canary: any connection means a hostile payload made the page (or the core) fetch something.
 * TLS attempts (an https:// address on the same port) are counted too, as connections that never
 * become HTTP requests, so an https image the CSP allows is caught as surely as an http one.
 */
export class LocalSite {
  readonly requests: string[] = []
  connections = 0
  origin = ''
  /** The same host and port as an https:// address, for remote images the CSP does not block. */
  httpsOrigin = ''
  private readonly sockets = new Set<Socket>()
  private readonly server: Server

  constructor(private readonly routes: ReadonlyMap<string, SiteRoute> = new Map()) {
    this.server = createServer((request, response) => {
      this.requests.push(request.url ?? '')
      const route = this.routes.get(request.url ?? '')
      if (route) response.writeHead(200, { ...route.headers, 'content-type': route.type }).end(route.text)
      else response.writeHead(404).end()
    })
    this.server.on('connection', (socket) => {
      this.connections++
      this.sockets.add(socket)
      socket.once('close', () => this.sockets.delete(socket))
    })
    // A TLS ClientHello is not HTTP: answer nothing, but it was counted as a connection above.
    this.server.on('clientError', (_error, socket) => socket.destroy())
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    const port = (this.server.address() as AddressInfo).port
    this.origin = `http://127.0.0.1:${port}`
    this.httpsOrigin = `https://127.0.0.1:${port}`
    return this
  }

  count(path: string): number {
    return this.requests.filter((url) => url === path).length
  }

  stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    return new Promise((resolve) => this.server.close(() => resolve()))
  }
}
