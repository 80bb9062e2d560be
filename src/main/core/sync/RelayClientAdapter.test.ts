import { createServer as createHttpsServer } from 'node:https'
import { cbor, type PeerId } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocketServer, type WebSocket } from 'ws'
import { createDeviceCertificate } from './createDeviceCertificate'
import { RelayClientAdapter } from './RelayClientAdapter'
import { eventually } from '../testing/eventually'

const backoff = { initialMs: 50, maxMs: 200, stableMs: 5_000 }

/** A WebSocket server on 127.0.0.1 that answers each connection with `behave`. */
async function fakeRelay(behave: (socket: WebSocket, join: Record<string, unknown>) => void): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  let connections = 0
  server.on('connection', (socket) => {
    connections++
    socket.once('message', (data: Buffer) => behave(socket, cbor.decode(data)))
  })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `ws://127.0.0.1:${port}/`,
    connections: () => connections,
    close: () =>
      new Promise((resolve) => {
        for (const client of server.clients) client.terminate()
        server.close(() => resolve())
      }),
  }
}

const peerAnswer = (join: Record<string, unknown>, extra: object = {}) => cbor.encode({ type: 'peer', senderId: 'storage-server-x', peerMetadata: {}, selectedProtocolVersion: '1', targetId: join.senderId, ...extra })

describe('RelayClientAdapter against a misbehaving relay', () => {
  const cleanups: Array<() => unknown> = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  function adapterFor(url: string, options: ConstructorParameters<typeof RelayClientAdapter>[1] = {}) {
    const adapter = new RelayClientAdapter(url, { backoff, ...options })
    const events: string[] = []
    adapter.on('peer-candidate', ({ peerId }) => events.push(`candidate ${peerId}`))
    adapter.on('peer-disconnected', ({ peerId }) => events.push(`disconnected ${peerId}`))
    adapter.on('message', (message) => events.push(`message ${message.type} from ${message.senderId} to ${message.targetId}`))
    adapter.connect('device-me' as PeerId, {})
    cleanups.push(() => adapter.disconnect())
    return { adapter, events }
  }

  it('hands the Repo the relay under its own fixed id, never hears our device id, and rewrites ids both ways', async () => {
    let joinSender = ''
    let received: Record<string, unknown> | undefined
    const relay = await fakeRelay((socket, join) => {
      joinSender = String(join.senderId)
      socket.send(peerAnswer(join))
      socket.send(cbor.encode({ type: 'sync', senderId: 'storage-server-x', targetId: join.senderId, documentId: 'doc', data: new Uint8Array([1]) }))
      socket.on('message', (data: Buffer) => (received = cbor.decode(data)))
    })
    cleanups.push(relay.close)
    const { adapter, events } = adapterFor(relay.url)
    await eventually(() => events.length === 2)
    expect(joinSender).toMatch(/^staffroom-[0-9a-f]{24}$/)
    expect(events).toEqual([`candidate ${adapter.relayPeerId}`, `message sync from ${adapter.relayPeerId} to device-me`])
    expect(adapter.relayPeerId).toMatch(/^relay-[0-9a-f]{16}$/)
    adapter.send({ type: 'sync', senderId: 'device-me' as PeerId, targetId: adapter.relayPeerId, documentId: 'doc' as never, data: new Uint8Array([2]) })
    await eventually(() => received !== undefined)
    expect(received).toMatchObject({ senderId: joinSender, targetId: 'storage-server-x' })
    expect(adapter.status()).toMatchObject({ state: 'connected', lastError: null, attempts: 1 })
  })

  it('accepts ephemeral messages the server forwards from other clients, as from the relay, and keeps the link', async () => {
    const relay = await fakeRelay((socket, join) => {
      socket.send(peerAnswer(join))
      socket.send(cbor.encode({ type: 'ephemeral', senderId: 'staffroom-otherclient', sessionId: 's', count: 1, targetId: join.senderId, documentId: 'doc', data: new Uint8Array([1]) }))
    })
    cleanups.push(relay.close)
    const { adapter, events } = adapterFor(relay.url)
    await eventually(() => events.length === 2)
    expect(events[1]).toBe(`message ephemeral from ${adapter.relayPeerId} to device-me`)
    expect(adapter.status()).toMatchObject({ state: 'connected', lastError: null, attempts: 1 })
  })

  it('drops the link on a text frame, garbage, a message from someone else, or an oversized frame, and redials with backoff', async () => {
    const cases: Array<[string, (socket: WebSocket, join: Record<string, unknown>) => void, RegExp]> = [
      ['text', (socket) => socket.send('{"type":"peer"}'), /malformed/],
      ['garbage', (socket) => socket.send(Buffer.from([0xff, 0x00, 0x13])), /malformed/],
      ['wrong target', (socket, join) => socket.send(peerAnswer(join, { targetId: 'someone-else' })), /did not answer as a sync server/],
      [
        'impostor',
        (socket, join) => {
          socket.send(peerAnswer(join))
          socket.send(cbor.encode({ type: 'sync', senderId: 'device-other', targetId: join.senderId, documentId: 'doc', data: new Uint8Array([1]) }))
        },
        /out of protocol/,
      ],
      ['oversized', (socket) => socket.send(Buffer.alloc(4096)), /payload/i],
    ]
    for (const [name, behave, error] of cases) {
      const relay = await fakeRelay(behave)
      cleanups.push(relay.close)
      const { adapter, events } = adapterFor(relay.url, { maxMessageBytes: 1024 })
      await eventually(() => relay.connections() >= 3)
      expect(adapter.status().lastError, name).toMatch(error)
      expect(events.filter((e) => e.startsWith('message')), name).toEqual([])
      expect(events.filter((e) => e.startsWith('candidate')).length, name).toBe(events.filter((e) => e.startsWith('disconnected')).length)
      adapter.disconnect()
      const after = relay.connections()
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(relay.connections(), `${name}: no redial after disconnect`).toBe(after)
    }
  })

  it('verifies wss against the system CAs: a self-signed relay is refused, with the reason kept', async () => {
    const { certificatePem, privateKeyPem } = await createDeviceCertificate('not a CA-signed relay')
    const https = createHttpsServer({ cert: certificatePem, key: privateKeyPem })
    const wss = new WebSocketServer({ server: https })
    let upgraded = 0
    wss.on('connection', () => upgraded++)
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise((resolve) => https.close(resolve)))
    const address = https.address()
    const { adapter } = adapterFor(`wss://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`)
    await eventually(() => adapter.status().attempts >= 2 && adapter.status().lastError !== null)
    expect(adapter.status()).toMatchObject({ state: expect.stringMatching(/offline|connecting/), lastError: expect.stringMatching(/certificate/i) })
    expect(upgraded).toBe(0)
    expect(adapter.isReady()).toBe(true)
  })
})
