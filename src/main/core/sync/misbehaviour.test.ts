import { deflateRawSync } from 'node:zlib'
import * as A from '@automerge/automerge'
import { cbor, generateAutomergeUrl, parseAutomergeUrl } from '@automerge/automerge-repo'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { peerIdOfDevice } from './deviceId'
import { documentBomb } from './documentBomb.fixture'
import { closeCodes } from './PeerSocketAdapter'
import { maxSyncMessageRows, whyUnusable } from './peerMessageShape'
import { syncMessageRows, SyncWorkError } from './syncMessageWork'
import { makeTestPeers, type TestPeer } from './syncTestPeers'
import { tlsTrusting } from './tlsOptions'
import { eventually } from '../testing/eventually'

function textDocument(characters: number): A.Doc<{ body: string }> {
  return A.change(A.from({ body: '' }), (doc) => A.splice(doc, ['body'], 0, 0, 'x'.repeat(characters)))
}

function syncMessage(changes: Uint8Array[]): Uint8Array {
  return A.encodeSyncMessage({ heads: [], need: [], have: [], changes })
}

describe('syncMessageRows: the work a sync message asks for, counted without applying it', () => {
  it('counts the ops of a whole-document chunk and of change chunks alike', () => {
    const doc = textDocument(5_000)
    const asDocument = syncMessageRows(syncMessage([A.save(doc)]), 1e6)
    const asChanges = syncMessageRows(syncMessage(A.getAllChanges(doc)), 1e6)
    for (const rows of [asDocument, asChanges]) {
      expect(rows).toBeGreaterThanOrEqual(5_000)
      expect(rows).toBeLessThan(5_010)
    }
  })

  it('refuses deflated data that unpacks past the limit, and chunks it cannot read', () => {
    const zeros = deflateRawSync(Buffer.alloc(2 * 1024 * 1024))
    const deflated = Buffer.concat([Buffer.from([0x85, 0x6f, 0x4a, 0x83, 0, 0, 0, 0, 2]), Buffer.from([zeros.length & 0x7f | 0x80, zeros.length >> 7]), zeros])
    expect(zeros.length).toBeLessThan(16_384)
    expect(() => syncMessageRows(syncMessage([deflated]), 1024 * 1024)).toThrow(expect.objectContaining({ tooBig: true }))
    expect(() => syncMessageRows(syncMessage([Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])]), 1e6)).toThrow(SyncWorkError)
    const truncated = A.save(textDocument(10)).subarray(0, 30)
    expect(() => syncMessageRows(syncMessage([truncated]), 1e6)).toThrow(SyncWorkError)
  })
})

describe('whyUnusable: messages automerge-repo cannot use', () => {
  const documentId = parseAutomergeUrl(generateAutomergeUrl()).documentId
  const [, request] = A.generateSyncMessage(A.init(), A.initSyncState())

  it('passes the four message types Staffroom peers send, well formed', () => {
    expect(whyUnusable({ type: 'request', documentId, data: request })).toBeUndefined()
    expect(whyUnusable({ type: 'sync', documentId, data: request })).toBeUndefined()
    expect(whyUnusable({ type: 'doc-unavailable', documentId })).toBeUndefined()
    expect(whyUnusable({ type: 'ephemeral', documentId, data: cbor.encode({ cursor: 3 }), sessionId: 's', count: 1 })).toBeUndefined()
  })

  it('names what is wrong with the rest', () => {
    expect(whyUnusable({ type: 'remote-heads-changed', documentId })).toBe('unknown message type')
    expect(whyUnusable({ type: 'sync', documentId: 'not-an-id', data: request })).toBe('invalid document id')
    expect(whyUnusable({ type: 'sync', documentId, data: 'text' })).toBe('sync data is not bytes')
    expect(whyUnusable({ type: 'sync', documentId, data: request!.subarray(0, 3) })).toBe('sync data does not decode')
    expect(whyUnusable({ type: 'ephemeral', documentId, data: cbor.encode(1), sessionId: 's', count: -1 })).toBe('malformed ephemeral message')
    const bomb = documentBomb()
    expect(bomb.length).toBeLessThan(4_096)
    expect(syncMessageRows(bomb, 1e9)).toBeGreaterThan(maxSyncMessageRows)
    expect(whyUnusable({ type: 'sync', documentId, data: bomb })).toBe('sync message too big to apply')
  })
})

describe('SyncService: a paired device that misbehaves is cut off and refused for a cooldown', () => {
  let peers: ReturnType<typeof makeTestPeers>
  beforeEach(() => {
    peers = makeTestPeers()
  })
  afterEach(async () => {
    await peers.close()
  })

  /** B's end of a link to A, written by hand so it can misbehave; resolves once A answered the join. */
  async function rawLink(a: TestPeer, b: TestPeer, port: number): Promise<WebSocket> {
    const socket = new WebSocket(`wss://127.0.0.1:${port}/`, { ...tlsTrusting(b.identity, [a.identity.certificatePem]), checkServerIdentity: (() => undefined) as never })
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
    const answered = new Promise((resolve) => socket.once('message', resolve))
    socket.send(cbor.encode({ type: 'join', senderId: peerIdOfDevice(b.identity.deviceId), peerMetadata: {}, supportedProtocolVersions: ['1'] }))
    await answered
    return socket
  }

  it('cuts a device off at a sync message that does not decode, refuses it until the cooldown ends, then links it again', async () => {
    const a = await peers.peer('A', { misbehaviourCooldown: { initialMs: 400, maxMs: 2_000 } })
    const b = await peers.peer('B')
    const port = await a.sync.listen({ host: '127.0.0.1' })
    peers.pair(a, b)
    const socket = await rawLink(a, b, port)
    const closed = new Promise<number>((resolve) => socket.once('close', resolve))
    const documentId = parseAutomergeUrl(generateAutomergeUrl()).documentId
    socket.send(cbor.encode({ type: 'sync', senderId: peerIdOfDevice(b.identity.deviceId), targetId: peerIdOfDevice(a.identity.deviceId), documentId, data: Uint8Array.from([0x42, 1, 2]) }))
    expect(await closed).toBe(closeCodes.protocol)
    expect(a.sync.status().cutOff).toEqual([expect.objectContaining({ deviceId: b.identity.deviceId, reason: 'sync data does not decode' })])
    expect(a.sync.benchedUntil(b.identity.deviceId)).toBeGreaterThan(Date.now())
    await expect(b.sync.connectTo(a.identity.deviceId, `127.0.0.1:${port}`)).rejects.toThrow()
    await eventually(() => a.sync.benchedUntil(b.identity.deviceId) === undefined, 3_000)
    await b.sync.connectTo(a.identity.deviceId, `127.0.0.1:${port}`)
    await eventually(() => a.sync.isConnected(b.identity.deviceId))
  })

  it('cuts a device off at a frame over the size limit (ws refuses it) and benches it; nothing dials it meanwhile', async () => {
    const a = await peers.peer('A', { misbehaviourCooldown: { initialMs: 60_000, maxMs: 600_000 } })
    const b = await peers.peer('B')
    const port = await a.sync.listen({ host: '127.0.0.1' })
    peers.pair(a, b)
    const socket = await rawLink(a, b, port)
    const closed = new Promise<number>((resolve) => socket.once('close', resolve))
    // A masked binary frame header claiming 2^40 bytes: ws refuses it from the header alone.
    const header = Buffer.from([0x82, 0xff, 0, 0, 1, 0, 0, 0, 0, 0, 1, 2, 3, 4])
    ;(socket as unknown as { _socket: { write(b: Buffer): void } })._socket.write(header)
    expect(await closed).toBe(1009)
    expect(a.sync.status().cutOff).toEqual([expect.objectContaining({ deviceId: b.identity.deviceId, reason: expect.stringMatching(/refused frame/) })])
    const firstBench = a.sync.benchedUntil(b.identity.deviceId)! - Date.now()
    expect(firstBench).toBeGreaterThan(50_000)
    expect(firstBench).toBeLessThanOrEqual(60_000)
    // Nothing dials a benched device either, even on an mDNS hint.
    expect(await a.sync.hint(b.identity.deviceId, '127.0.0.1:9')).toBe('skipped')
  })
})
