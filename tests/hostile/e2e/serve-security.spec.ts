import { expect, test } from '@playwright/test'
import { makeDataDir, removeDataDir, ServeProcess } from '../../e2e/support/ServeProcess'
import { recordHostileResult } from '../support/trials'
import { LocalSite } from './support/LocalSite'
import { openSocket, rawRequest } from './support/rawRequests'

/**
 * The serve shell's guard against everything that is not the teacher's own tab: requests without the
 * session token (or with a wrong, stale or mangled one), DNS-rebinding Host headers, and foreign
 * Origins on the RPC and sync WebSockets and on state-changing requests. Every attempt is counted.
 */
test.describe('serve refuses whoever lacks the session token', () => {
  let dataDir: string
  let serve: ServeProcess
  let cookie = ''
  let assetPath = ''
  const started = Date.now()
  const tally = { tried: 0, letThrough: [] as string[] }

  /** One hostile attempt: `refused` is what the server did; anything but a refusal is recorded as a failure. */
  function attempt(label: string, refused: boolean): void {
    tally.tried++
    if (!refused) tally.letThrough.push(label)
  }

  test.beforeAll(async () => {
    dataDir = makeDataDir()
    serve = await ServeProcess.start(dataDir)
    const login = await rawRequest(serve.port, `/?token=${serve.token}`, { Host: `127.0.0.1:${serve.port}` })
    expect(login.status).toBe(303)
    cookie = String(login.headers['set-cookie']).split(';')[0]!
    const index = await rawRequest(serve.port, '/', { Host: `127.0.0.1:${serve.port}`, Cookie: cookie })
    expect(index.status).toBe(200)
    assetPath = '/' + /src="\.?\/?(assets\/[^"]+\.js)"/.exec(index.body)![1]!
    // The asset is really there for whoever holds the cookie, so a refusal below is the guard, not a 404.
    expect((await rawRequest(serve.port, assetPath, { Host: `127.0.0.1:${serve.port}`, Cookie: cookie })).status).toBe(200)
  })
  test.afterAll(async () => {
    expect(await serve.stop()).toBe(0)
    removeDataDir(dataDir)
    recordHostileResult({
      id: 'hostile-serve-guard',
      tried: 'wrong/old/empty tokens, rebinding Host headers and foreign Origins on static paths, RPC and sync sockets',
      trials: tally.tried,
      failures: tally.letThrough.length,
      durationMs: Date.now() - started,
    })
  })

  test('a request without the token is refused with a reason', async () => {
    const res = await rawRequest(serve.port, '/', { Host: `127.0.0.1:${serve.port}` })
    expect(res.status).toBe(403)
    expect(res.body).toMatch(/token/i)
    expect(res.body).not.toMatch(/<script/i)
  })

  test('a wrong token is refused', async () => {
    const res = await rawRequest(serve.port, '/?token=not-the-token', { Host: `127.0.0.1:${serve.port}` })
    expect(res.status).toBe(403)
  })

  test('the right token with a foreign Host (DNS rebinding) is refused', async () => {
    const res = await rawRequest(serve.port, `/?token=${serve.token}`, { Host: `evil.example:${serve.port}` })
    expect(res.status).toBe(403)
  })

  test('with the token the app is served, the token leaves the address bar, and the RPC socket needs its cookie and our own Origin', async ({ page }) => {
    const response = await page.goto(serve.url)
    expect(response?.status()).toBeLessThan(400)
    await expect(page).toHaveTitle(/Staffroom/)
    expect(page.url()).not.toContain('token=')
    const csp = (await page.request.get(`${serve.origin}/`)).headers()['content-security-policy']
    expect(csp).toContain("default-src 'self'")

    const cookies = await page.context().cookies(serve.origin)
    expect(cookies.length).toBeGreaterThan(0)
    const pageCookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ')
    const rpc = `ws://127.0.0.1:${serve.port}/rpc`
    expect(await openSocket(rpc, { Cookie: pageCookie, Origin: serve.origin })).toBe('open')
    expect(await openSocket(rpc, { Cookie: pageCookie, Origin: 'http://evil.example' })).toBe('refused 403')
    expect(await openSocket(rpc, { Origin: serve.origin })).toBe('refused 403')
    expect(await openSocket(`ws://127.0.0.1:${serve.port}/sync`, { Origin: serve.origin })).toBe('refused 403')
  })

  test('rebinding Host headers are refused on every path and socket, even with the right token and cookie', async () => {
    const port = serve.port
    const hosts = [
      `evil.example:${port}`,
      `localhost.evil.example:${port}`,
      `127.0.0.1.evil.example:${port}`,
      `evil.example`,
      `127.0.0.1`,
      `localhost`,
      `localhost.:${port}`,
      `127.0.0.1:${port + 1}`,
      `localhost:${port === 65535 ? 1 : port + 1}`,
      `0.0.0.0:${port}`,
      `127.0.0.2:${port}`,
      `[::1]:${port}`,
      `127.1:${port}`,
      `2130706433:${port}`,
      `127.0.0.1:${port}.evil.example`,
      `127.0.0.1:0${port}`,
      '',
    ]
    for (const host of hosts) {
      for (const path of ['/', `/?token=${serve.token}`, '/index.html', assetPath, '/#/all']) {
        const res = await rawRequest(port, path, { Host: host, Cookie: cookie })
        attempt(`GET ${path} Host=${host}`, res.status === 403)
      }
      for (const socketPath of ['/rpc', '/sync']) {
        const verdict = await openSocket(`ws://127.0.0.1:${port}${socketPath}`, { Host: host, Cookie: cookie, Origin: `http://${host}` })
        attempt(`WS ${socketPath} Host=${host}`, verdict !== 'open')
      }
    }
    expect(tally.letThrough).toEqual([])
  })

  test('wrong, empty and mangled tokens are refused on static paths and both sockets', async () => {
    const port = serve.port
    const host = `127.0.0.1:${port}`
    const token = serve.token
    const flipLast = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
    const badTokens = ['', ' ', 'null', 'undefined', token.slice(0, -1), `${token}x`, flipLast, token.toUpperCase(), token.toLowerCase(), encodeURIComponent(`${token} `), `${token}%00`, 'a'.repeat(5000), `${token}&token=${token}`]
    const cookieName = cookie.split('=')[0]!
    const otherPortCookie = `staffroom_session_${port + 1}=${token}`
    for (const bad of badTokens) {
      for (const path of ['/', '/index.html', assetPath, '/no-such-route']) {
        const viaQuery = await rawRequest(port, `${path}?token=${encodeURIComponent(bad)}`, { Host: host })
        attempt(`GET ${path}?token=${bad.slice(0, 20)}`, viaQuery.status === 403)
        const viaCookie = await rawRequest(port, path, { Host: host, Cookie: `${cookieName}=${bad}` })
        attempt(`GET ${path} cookie=${bad.slice(0, 20)}`, viaCookie.status === 403)
      }
      for (const socketPath of ['/rpc', '/sync']) {
        const viaCookie = await openSocket(`ws://127.0.0.1:${port}${socketPath}`, { Cookie: `${cookieName}=${bad}`, Origin: serve.origin })
        attempt(`WS ${socketPath} cookie=${bad.slice(0, 20)}`, viaCookie === 'refused 403')
        const viaQuery = await openSocket(`ws://127.0.0.1:${port}${socketPath}?token=${encodeURIComponent(bad)}`, { Origin: serve.origin })
        attempt(`WS ${socketPath}?token=${bad.slice(0, 20)}`, viaQuery === 'refused 403')
      }
    }
    // The right secret under another name: another serve's cookie, or a look-alike query parameter.
    for (const path of ['/', assetPath]) {
      attempt(`GET ${path} with the cookie of another port`, (await rawRequest(port, path, { Host: host, Cookie: otherPortCookie })).status === 403)
      attempt(`GET ${path}?Token=`, (await rawRequest(port, `${path}?Token=${token}`, { Host: host })).status === 403)
      attempt(`GET ${path}?tok=`, (await rawRequest(port, `${path}?tok=${token}`, { Host: host })).status === 403)
    }
    attempt('WS /rpc with the cookie of another port', (await openSocket(`ws://127.0.0.1:${port}/rpc`, { Cookie: otherPortCookie, Origin: serve.origin })) === 'refused 403')
    expect(tally.letThrough).toEqual([])
  })

  test('foreign Origins are refused on the RPC and sync sockets and on state-changing requests', async () => {
    const port = serve.port
    const host = `127.0.0.1:${port}`
    const origins = [
      'http://evil.example',
      `http://evil.example:${port}`,
      `http://localhost.evil.example:${port}`,
      `http://127.0.0.1:${port}.evil.example`,
      `http://127.0.0.1:${port + 1}`,
      `http://localhost:${port}`,
      `https://127.0.0.1:${port}`,
      `ws://127.0.0.1:${port}`,
      `http://127.0.0.1`,
      'null',
      'file://',
      'chrome-extension://abcdefghijklmnop',
      '',
    ]
    for (const origin of origins) {
      for (const socketPath of ['/rpc', '/sync']) {
        const verdict = await openSocket(`ws://127.0.0.1:${port}${socketPath}`, { Host: host, Cookie: cookie, Origin: origin })
        attempt(`WS ${socketPath} Origin=${origin}`, verdict === 'refused 403')
      }
      const post = await rawRequest(port, '/', { Host: host, Cookie: cookie, Origin: origin, 'Content-Length': '0' }, 'POST')
      attempt(`POST / Origin=${origin}`, post.status === 403)
    }
    // Without any Origin a WebSocket is refused too (browsers always send one).
    for (const socketPath of ['/rpc', '/sync']) attempt(`WS ${socketPath} without Origin`, (await openSocket(`ws://127.0.0.1:${port}${socketPath}`, { Host: host, Cookie: cookie })) === 'refused 403')
    // The control: our own Origin gets in, so the refusals above are the Origin check and nothing else.
    expect(await openSocket(`ws://127.0.0.1:${port}/rpc`, { Host: host, Cookie: cookie, Origin: serve.origin })).toBe('open')
    expect(await openSocket(`ws://127.0.0.1:${port}/sync`, { Host: host, Cookie: cookie, Origin: serve.origin })).toBe('open')
    expect(tally.letThrough).toEqual([])
  })

  test('a page on another local port, in the same browser with the session cookie, cannot open the sockets', async ({ page }) => {
    const [name, value] = cookie.split('=') as [string, string]
    await page.context().addCookies([{ name, value, url: serve.origin }])
    const site = await new LocalSite(new Map([['/', { type: 'text/html', text: '<!doctype html><title>Another local app</title>' }]])).start()
    try {
      await page.goto(`${site.origin}/`)
      for (const socketPath of ['/rpc', '/sync']) {
        // The browser sends the cookie (another port is the same site) and its own Origin: the guard must refuse.
        const opened = await page.evaluate(
          (url) =>
            new Promise<boolean>((resolve) => {
              const socket = new WebSocket(url)
              socket.onopen = () => resolve(true)
              socket.onerror = () => resolve(false)
            }),
          `ws://127.0.0.1:${serve.port}${socketPath}`,
        )
        attempt(`browser WS ${socketPath} from ${site.origin}`, !opened)
      }
    } finally {
      await site.stop()
    }
    expect(tally.letThrough).toEqual([])
  })

  test('after a restart on the same port, the previous token and cookie are refused', async ({ page }) => {
    const oldToken = serve.token
    const oldCookie = cookie
    expect(await serve.stop()).toBe(0)
    serve = await ServeProcess.start(dataDir, serve.port)
    expect(serve.token).not.toBe(oldToken)
    const host = `127.0.0.1:${serve.port}`
    for (const path of ['/', assetPath]) {
      attempt(`GET ${path} with the old token`, (await rawRequest(serve.port, `${path}?token=${oldToken}`, { Host: host })).status === 403)
      attempt(`GET ${path} with the old cookie`, (await rawRequest(serve.port, path, { Host: host, Cookie: oldCookie })).status === 403)
    }
    for (const socketPath of ['/rpc', '/sync'])
      attempt(`WS ${socketPath} with the old cookie`, (await openSocket(`ws://127.0.0.1:${serve.port}${socketPath}`, { Cookie: oldCookie, Origin: serve.origin })) === 'refused 403')
    // The browser that still holds the old cookie is asked for the token, not let in.
    const [name, value] = oldCookie.split('=') as [string, string]
    await page.context().addCookies([{ name, value, url: serve.origin }])
    const response = await page.goto(`${serve.origin}/`)
    attempt('browser with the old cookie', response?.status() === 403)
    expect(tally.letThrough).toEqual([])
  })
})
