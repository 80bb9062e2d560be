import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import WebSocket from 'ws'

export interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** A real HTTP request with exactly the headers given (fetch would not let a test set Host or Origin). */
export function rawRequest(port: number, path: string, headers: Record<string, string>, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers, setHost: false, agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

export type SocketOutcome = { opened: true; socket: WebSocket } | { opened: false; status: number; body: string }

/** Opens a real WebSocket with the given headers and reports whether the server let it in. */
export function openSocket(port: number, path: string, headers: Record<string, string>): Promise<SocketOutcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers, origin: headers.Origin })
    socket.once('open', () => resolve({ opened: true, socket }))
    socket.once('unexpected-response', (_req, res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ opened: false, status: res.statusCode ?? 0, body }))
    })
    socket.once('error', reject)
  })
}

/** Collects the next text frame, parsed as JSON. */
export function nextJson(socket: WebSocket): Promise<unknown> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))))
}

/** The reply to request `id`, skipping pushed events (the core may announce index changes first). */
export function replyTo(socket: WebSocket, id: number): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: unknown) => {
      const message = JSON.parse(String(data)) as { id?: unknown }
      if (message.id !== id) return
      socket.off('message', onMessage)
      resolve(message)
    }
    socket.on('message', onMessage)
  })
}

export function closed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })))
}
