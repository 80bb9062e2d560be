import { expect, test } from '@playwright/test'
import { request as httpRequest } from 'node:http'
import WebSocket from 'ws'
import { makeDataDir, removeDataDir, ServeProcess } from './support/ServeProcess'

/** A raw HTTP GET, so the test controls Host and Origin exactly (fetch would not let it). */
function rawGet(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** Opens a WebSocket from Node with exact headers; says whether the server let it in. */
function openSocket(url: string, headers: Record<string, string>): Promise<string> {
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

test.describe('serve refuses whoever lacks the session token', () => {
  let dataDir: string
  let serve: ServeProcess

  test.beforeAll(async () => {
    dataDir = makeDataDir()
    serve = await ServeProcess.start(dataDir)
  })
  test.afterAll(async () => {
    expect(await serve.stop()).toBe(0)
    removeDataDir(dataDir)
  })

  test('a request without the token is refused with a reason', async () => {
    const res = await rawGet(serve.port, '/', { Host: `127.0.0.1:${serve.port}` })
    expect(res.status).toBe(403)
    expect(res.body).toMatch(/token/i)
    expect(res.body).not.toMatch(/<script/i)
  })

  test('a wrong token is refused', async () => {
    const res = await rawGet(serve.port, '/?token=not-the-token', { Host: `127.0.0.1:${serve.port}` })
    expect(res.status).toBe(403)
  })

  test('the right token with a foreign Host (DNS rebinding) is refused', async () => {
    const res = await rawGet(serve.port, `/?token=${serve.token}`, { Host: `evil.example:${serve.port}` })
    expect(res.status).toBe(403)
  })

  test('the RPC socket needs the session cookie and our own Origin', async ({ page }) => {
    await page.goto(serve.url)
    const cookies = await page.context().cookies(serve.origin)
    expect(cookies.length).toBeGreaterThan(0)
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ')
    const rpc = `ws://127.0.0.1:${serve.port}/rpc`
    expect(await openSocket(rpc, { Cookie: cookie, Origin: serve.origin })).toBe('open')
    expect(await openSocket(rpc, { Cookie: cookie, Origin: 'http://evil.example' })).toBe('refused 403')
    expect(await openSocket(rpc, { Origin: serve.origin })).toBe('refused 403')
    expect(await openSocket(`ws://127.0.0.1:${serve.port}/sync`, { Origin: serve.origin })).toBe('refused 403')
  })

  test('with the token the app is served and the token leaves the address bar', async ({ page }) => {
    const response = await page.goto(serve.url)
    expect(response?.status()).toBeLessThan(400)
    await expect(page).toHaveTitle(/Staffroom/)
    expect(page.url()).not.toContain('token=')
    const csp = (await page.request.get(`${serve.origin}/`)).headers()['content-security-policy']
    expect(csp).toContain("default-src 'self'")
  })
})
