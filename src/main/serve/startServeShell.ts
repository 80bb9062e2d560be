import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { WebSocketServer } from 'ws'
import { NodeWSServerAdapter } from '@automerge/automerge-repo-network-websocket'
import type { Core } from '../core/Core'
import { limits } from '@shared/limits'
import { wirePaths } from '@shared/api/wire'
import { RequestGuard, withoutToken } from './RequestGuard'
import { RpcEndpoint } from './RpcEndpoint'
import { defaultRpcSizeLimits } from './rpcMessages'
import { SessionToken } from './SessionToken'
import { StaticFiles } from './StaticFiles'
import { commonSecurityHeaders, htmlSecurityHeaders } from './securityHeaders'
import { listenOn } from '../core/net/listenOn'

export interface ServeShellOptions {
  core: Pick<Core, 'dispatch' | 'onEvent' | 'repo' | 'connectLocalUi'>
  /** 0 picks a free port. */
  port: number
  /** Loopback only: the session token is the sole key, it must not be exposed to the network. */
  host: '127.0.0.1'
  rendererDir: string
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string
}

export interface ServeShell {
  readonly port: number
  readonly token: string
  /** The tokenised URL to print, e.g. http://127.0.0.1:4280/?token=… */
  readonly url: string
  /** Stops accepting, closes every socket and detaches from the repo. Leaves the core running. */
  close(): Promise<void>
}

/** Room for a slightly oversized upload to be read and answered with 'too-large' instead of a dropped socket. */
const rpcMaxPayload = limits.rpcUploadMessageBytes + limits.rpcMessageBytes

/** The headless shell: the built renderer over HTTP plus the `/rpc` and `/sync` WebSockets, all behind one guard. */
export async function startServeShell(options: ServeShellOptions): Promise<ServeShell> {
  const token = new SessionToken(options.token)
  const files = new StaticFiles(options.rendererDir)
  const server = createServer()
  await listenOn(server, options.port, options.host)
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const guard = new RequestGuard(token, port)

  const rpcServer = new WebSocketServer({ noServer: true, maxPayload: rpcMaxPayload })
  const rpc = new RpcEndpoint(options.core, defaultRpcSizeLimits)
  rpcServer.on('connection', (socket) => rpc.accept(socket))

  // noServer: ws must not answer upgrades itself, so that every sync socket passes the guard first.
  const syncServer = new WebSocketServer({ noServer: true })
  // The adapter is typed against isomorphic-ws's re-export of ws; at run time it is the same class.
  const syncAdapter = new NodeWSServerAdapter(syncServer as unknown as ConstructorParameters<typeof NodeWSServerAdapter>[0])
  options.core.connectLocalUi(syncAdapter)

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void handleHttp(request, response, guard, files, port).catch(() => {
      if (!response.headersSent) plain(response, 500, 'Internal error while serving the app.')
      else response.destroy()
    })
  })
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = guard.check(request, { requireOrigin: true })
    if (!verdict.ok) return refuseUpgrade(socket, verdict.status, verdict.reason)
    const pathname = new URL(request.url ?? '/', 'http://placeholder').pathname
    const target = pathname === wirePaths.rpc ? rpcServer : pathname === wirePaths.sync ? syncServer : undefined
    if (!target) return refuseUpgrade(socket, 404, `No WebSocket endpoint at ${pathname}.`)
    target.handleUpgrade(request, socket, head, (ws) => target.emit('connection', ws, request))
  })

  let closing: Promise<void> | undefined
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      rpc.close()
      rpcServer.close()
      options.core.repo.networkSubsystem.removeNetworkAdapter(syncAdapter)
      // Closing the ws server also stops the adapter's keep-alive timer.
      for (const socket of syncServer.clients) socket.close(1001, 'Staffroom serve is shutting down.')
      syncServer.close()
      server.closeAllConnections()
      await stopped
    })()
    return closing
  }

  return { port, token: token.value, url: `http://${options.host}:${port}/?token=${token.value}`, close }
}

async function handleHttp(request: IncomingMessage, response: ServerResponse, guard: RequestGuard, files: StaticFiles, port: number): Promise<void> {
  const method = request.method ?? 'GET'
  const readOnly = method === 'GET' || method === 'HEAD'
  const verdict = guard.check(request, { requireOrigin: !readOnly })
  if (!verdict.ok) return plain(response, verdict.status, verdict.reason)
  if (verdict.tokenInQuery) {
    response.writeHead(303, { ...commonSecurityHeaders, 'Set-Cookie': guard.sessionCookie(), Location: withoutToken(request.url), 'Cache-Control': 'no-store' })
    response.end()
    return
  }
  if (!readOnly) return plain(response, 405, `${method} is not supported here.`, { Allow: 'GET, HEAD' })

  const pathname = new URL(request.url ?? '/', 'http://placeholder').pathname
  const found = await files.lookup(pathname)
  if (found.kind === 'refused') return plain(response, 403, found.reason)
  if (found.kind === 'not-found') return plain(response, 404, `Not found: ${pathname}`)
  response.writeHead(200, {
    ...(found.isHtml ? htmlSecurityHeaders(port) : commonSecurityHeaders),
    'Content-Type': found.contentType,
    'Content-Length': String(found.size),
    'Cache-Control': found.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  if (method === 'HEAD') return void response.end()
  await pipeline(files.open(found.filePath), response)
}

function plain(response: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  response.writeHead(status, { ...commonSecurityHeaders, ...extra, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  response.end(text + '\n')
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const statusText = status === 403 ? 'Forbidden' : 'Not Found'
  const body = reason + '\n'
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}
