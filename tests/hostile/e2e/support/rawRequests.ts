import { request as httpRequest } from 'node:http'
import WebSocket from 'ws'

/** A raw HTTP request, so the test controls Host and Origin exactly (fetch would not let it). */
export function rawRequest(port: number, path: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers, setHost: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** Opens a WebSocket from Node with exact headers; says whether the server let it in ('open') or how it refused. */
export function openSocket(url: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers })
    socket.on('open', () => {
      socket.close()
      resolve('open')
    })
    socket.on('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`))
    socket.on('error', (error) => resolve(`error ${error.message}`))
  })
}
