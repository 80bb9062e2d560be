import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as Automerge from '@automerge/automerge'
import { cbor } from '@automerge/automerge-repo/slim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { limits } from '@shared/limits'
import { refusalReasons } from './RequestGuard'
import { startServeShell, type ServeShell } from './startServeShell'
import { FakeRpcCore } from './testing/FakeRpcCore'
import { closed, nextJson, openSocket, rawRequest } from './testing/rawClient'

let workDir: string
let rendererDir: string
let core: FakeRpcCore
let shell: ServeShell
let host: string
let origin: string
let cookie: string

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'staffroom-serve-'))
  rendererDir = path.join(workDir, 'renderer')
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Staffroom</title><script type="module" src="/assets/app.js"></script>')
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")')
  writeFileSync(path.join(workDir, 'secret.txt'), 'TOP SECRET')
  core = new FakeRpcCore()
  shell = await startServeShell({ core, port: 0, host: '127.0.0.1', rendererDir })
  host = `127.0.0.1:${shell.port}`
  origin = `http://${host}`
  const login = await rawRequest(shell.port, `/?token=${shell.token}`, { Host: host })
  cookie = String(login.headers['set-cookie']?.[0]).split(';')[0] ?? ''
})

afterAll(async () => {
  await shell.close()
  await core.repo.shutdown()
  rmSync(workDir, { recursive: true, force: true })
})

describe('serve over HTTP', () => {
  it('prints a tokenised loopback URL with a long random token', () => {
    expect(shell.url).toBe(`http://127.0.0.1:${shell.port}/?token=${shell.token}`)
    expect(shell.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('refuses a request without the token, saying what to do', async () => {
    const res = await rawRequest(shell.port, '/', { Host: host })
    expect(res.status).toBe(403)
    expect(res.body.trim()).toBe(refusalReasons.token)
    expect(res.headers['content-type']).toMatch(/^text\/plain/)
  })

  it('refuses a wrong token and a wrong cookie', async () => {
    expect((await rawRequest(shell.port, '/?token=nope', { Host: host })).status).toBe(403)
    expect((await rawRequest(shell.port, '/', { Host: host, Cookie: `staffroom_session_${shell.port}=nope` })).status).toBe(403)
  })

  it('trades the right token for an HttpOnly SameSite=Strict cookie and drops it from the address', async () => {
    const res = await rawRequest(shell.port, `/notes/42?view=list&token=${shell.token}`, { Host: host })
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/notes/42?view=list')
    const setCookie = res.headers['set-cookie']?.[0] ?? ''
    expect(setCookie).toContain(`staffroom_session_${shell.port}=`)
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Strict')
  })

  it('serves the app with the cookie, with a strict CSP and security headers', async () => {
    const res = await rawRequest(shell.port, '/', { Host: host, Cookie: cookie })
    expect(res.status).toBe(200)
    expect(res.body).toContain('<title>Staffroom</title>')
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'")
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${shell.port} ws://localhost:${shell.port}`)
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("base-uri 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toMatch(/(^|\s)'unsafe-eval'/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
  })

  it('accepts localhost:PORT as Host too', async () => {
    expect((await rawRequest(shell.port, '/', { Host: `localhost:${shell.port}`, Cookie: cookie })).status).toBe(200)
  })

  it('refuses a foreign Host even with the right token or cookie (DNS rebinding)', async () => {
    for (const badHost of [`evil.example:${shell.port}`, '127.0.0.1', `127.0.0.1:${shell.port + 1}`, `[::1]:${shell.port}`]) {
      const withToken = await rawRequest(shell.port, `/?token=${shell.token}`, { Host: badHost })
      expect(withToken.status).toBe(403)
      expect(withToken.body.trim()).toBe(refusalReasons.host)
      expect((await rawRequest(shell.port, '/', { Host: badHost, Cookie: cookie })).status).toBe(403)
    }
  })

  it('refuses a state-changing request without our Origin, then says the method is unsupported', async () => {
    expect((await rawRequest(shell.port, '/', { Host: host, Cookie: cookie }, 'POST')).status).toBe(403)
    expect((await rawRequest(shell.port, '/', { Host: host, Cookie: cookie, Origin: 'http://evil.example' }, 'POST')).status).toBe(403)
    expect((await rawRequest(shell.port, '/', { Host: host, Cookie: cookie, Origin: origin }, 'POST')).status).toBe(405)
  })

  it('refuses a cross-origin GET that carries an Origin', async () => {
    expect((await rawRequest(shell.port, '/', { Host: host, Cookie: cookie, Origin: 'http://evil.example' })).status).toBe(403)
  })

  it('falls back to index.html for client routes but not for missing assets', async () => {
    const route = await rawRequest(shell.port, '/notes/abc', { Host: host, Cookie: cookie })
    expect(route.status).toBe(200)
    expect(route.body).toContain('<title>Staffroom</title>')
    expect((await rawRequest(shell.port, '/assets/missing.js', { Host: host, Cookie: cookie })).status).toBe(404)
    const asset = await rawRequest(shell.port, '/assets/app.js', { Host: host, Cookie: cookie })
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/)
    expect(asset.headers['content-security-policy']).toBeUndefined()
  })

  it('never serves a file outside the renderer folder', async () => {
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00']) {
      const res = await rawRequest(shell.port, attempt, { Host: host, Cookie: cookie })
      expect(res.body, attempt).not.toContain('TOP SECRET')
    }
    expect((await rawRequest(shell.port, '/..%2fsecret.txt', { Host: host, Cookie: cookie })).status).toBe(403)
  })
})

describe('serve WebSockets', () => {
  const good = () => ({ Host: host, Cookie: cookie, Origin: origin })

  it('refuses /rpc and /sync without the cookie, with a foreign Origin, without Origin, or with a foreign Host', async () => {
    for (const endpoint of ['/rpc', '/sync']) {
      const attempts: Array<[Record<string, string>, string]> = [
        [{ Host: host, Origin: origin }, refusalReasons.token],
        [{ Host: host, Cookie: cookie, Origin: 'http://evil.example' }, refusalReasons.origin],
        [{ Host: host, Cookie: cookie }, refusalReasons.origin],
        // Cookie and Origin both present, but the page came from the other loopback name.
        [{ Host: host, Cookie: cookie, Origin: `http://localhost:${shell.port}` }, refusalReasons.origin],
        [{ Host: `evil.example:${shell.port}`, Cookie: cookie, Origin: `http://evil.example:${shell.port}` }, refusalReasons.host],
      ]
      for (const [headers, reason] of attempts) {
        const outcome = await openSocket(shell.port, endpoint, headers)
        expect(outcome.opened, `${endpoint} ${JSON.stringify(headers)}`).toBe(false)
        if (!outcome.opened) {
          expect(outcome.status).toBe(403)
          expect(outcome.body.trim()).toBe(reason)
        }
      }
    }
  })

  it('refuses an unknown WebSocket path', async () => {
    const outcome = await openSocket(shell.port, '/elsewhere', good())
    expect(outcome).toMatchObject({ opened: false, status: 404 })
  })

  it('routes /rpc requests to core.dispatch and replies with the same id', async () => {
    const socket = await openRpc()
    socket.send(JSON.stringify({ id: 7, method: 'notes.list', args: { filter: 'active' } }))
    expect(await nextJson(socket)).toEqual({ id: 7, result: { ok: true, value: { echo: { method: 'notes.list', args: { filter: 'active' } } } } })
    socket.send(JSON.stringify({ id: 8, method: 'test.fail', args: {} }))
    expect(await nextJson(socket)).toEqual({ id: 8, result: { ok: false, error: { code: 'not-found', message: 'No such thing.' } } })
    socket.close()
  })

  it('answers a wrong-shaped message with bad-request and keeps the connection', async () => {
    const socket = await openRpc()
    socket.send(JSON.stringify({ id: 3, method: 42 }))
    expect(await nextJson(socket)).toMatchObject({ id: 3, result: { ok: false, error: { code: 'bad-request' } } })
    socket.send(JSON.stringify({ id: 4, method: 'system.info', args: {} }))
    expect(await nextJson(socket)).toMatchObject({ id: 4, result: { ok: true } })
    socket.close()
  })

  it('answers an oversized message that names its id with too-large and keeps the connection', async () => {
    const socket = await openRpc()
    const big = 'x'.repeat(limits.rpcMessageBytes + 10)
    socket.send(JSON.stringify({ id: 5, method: 'notes.create', args: { title: big } }))
    expect(await nextJson(socket)).toMatchObject({ id: 5, result: { ok: false, error: { code: 'too-large' } } })
    socket.send(JSON.stringify({ id: 6, method: 'system.info', args: {} }))
    expect(await nextJson(socket)).toMatchObject({ id: 6, result: { ok: true } })
    socket.close()
  })

  it('closes with a reason on malformed JSON; the server carries on', async () => {
    const socket = await openRpc()
    const done = closed(socket)
    socket.send('{not json')
    expect(await done).toEqual({ code: 1007, reason: 'RPC message is not valid JSON.' })
    const again = await openRpc()
    again.send(JSON.stringify({ id: 1, method: 'system.info', args: {} }))
    expect(await nextJson(again)).toMatchObject({ id: 1, result: { ok: true } })
    again.close()
  })

  it('drops a frame beyond the hard payload cap without harming other connections', async () => {
    const victim = await openRpc()
    const bystander = await openRpc()
    const done = closed(victim)
    victim.send('x'.repeat(limits.rpcUploadMessageBytes + limits.rpcMessageBytes + 1))
    expect((await done).code).toBe(1009)
    bystander.send(JSON.stringify({ id: 2, method: 'system.info', args: {} }))
    expect(await nextJson(bystander)).toMatchObject({ id: 2, result: { ok: true } })
    bystander.close()
  })

  it('pushes core events to every RPC socket', async () => {
    const a = await openRpc()
    const b = await openRpc()
    const received = Promise.all([nextJson(a), nextJson(b)])
    core.emit({ event: 'index.changed', payload: { kinds: ['notes'], ids: ['n1'] } })
    expect(await received).toEqual([
      { event: 'index.changed', payload: { kinds: ['notes'], ids: ['n1'] } },
      { event: 'index.changed', payload: { kinds: ['notes'], ids: ['n1'] } },
    ])
    a.close()
    b.close()
  })

  it('connects /sync to the core repo: join, then a document request is answered with its data', async () => {
    const handle = core.repo.create<{ text: string }>({ text: 'hello from the core' })
    const outcome = await openSocket(shell.port, '/sync', good())
    if (!outcome.opened) throw new Error(`sync refused: ${outcome.status}`)
    const socket = outcome.socket
    const messages: Array<Record<string, unknown>> = []
    socket.on('message', (data: Buffer) => messages.push(cbor.decode(new Uint8Array(data)) as Record<string, unknown>))
    const clientPeer = 'test-client'
    socket.send(cbor.encode({ type: 'join', senderId: clientPeer, peerMetadata: {}, supportedProtocolVersions: ['1'] }))
    const peer = await waitFor(() => messages.find((m) => m.type === 'peer'))
    expect(peer.targetId).toBe(clientPeer)

    // Play the client side of Automerge's sync protocol until the document arrives.
    let doc = Automerge.init<{ text: string }>()
    let syncState = Automerge.initSyncState()
    let seen = messages.length
    const sendSync = (type: 'request' | 'sync') => {
      const [next, message] = Automerge.generateSyncMessage(doc, syncState)
      syncState = next
      if (message) socket.send(cbor.encode({ type, senderId: clientPeer, targetId: peer.senderId, documentId: handle.documentId, data: message }))
    }
    sendSync('request')
    await waitFor(() => {
      for (; seen < messages.length; seen++) {
        const message = messages[seen]
        if (message?.type !== 'sync' || message.documentId !== handle.documentId) continue
        ;[doc, syncState] = Automerge.receiveSyncMessage(doc, syncState, message.data as Uint8Array)
        sendSync('sync')
      }
      return doc.text
    })
    expect(doc.text).toBe('hello from the core')
    socket.close()
  })
})

async function openRpc(): Promise<WebSocket> {
  const outcome = await openSocket(shell.port, '/rpc', { Host: host, Cookie: cookie, Origin: origin })
  if (!outcome.opened) throw new Error(`rpc refused: ${outcome.status} ${outcome.body}`)
  return outcome.socket
}

async function waitFor<T>(find: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const started = Date.now()
  for (;;) {
    const found = find()
    if (found !== undefined) return found
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
