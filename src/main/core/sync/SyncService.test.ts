import { cbor, type DocHandle } from '@automerge/automerge-repo'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { peerIdOfDevice } from './deviceId'
import { closeCodes } from './PeerSocketAdapter'
import { SyncService } from './SyncService'
import { makeTestPeers } from './syncTestPeers'
import { maxSyncMessageBytes, tlsTrusting } from './tlsOptions'
import { eventually } from '../testing/eventually'

describe('SyncService: TLS 1.3 links between pinned devices', () => {
  let peers: ReturnType<typeof makeTestPeers>
  beforeEach(() => {
    peers = makeTestPeers()
  })
  afterEach(async () => {
    await peers.close()
  })

  it('syncs a document both ways between two paired devices', async () => {
    const a = await peers.peer('Laptop A')
    const b = await peers.peer('Laptop B')
    const port = await a.sync.listen({ host: '127.0.0.1' })
    peers.pair(a, b)
    await b.sync.connectTo(a.identity.deviceId, `127.0.0.1:${port}`)
    await eventually(() => a.sync.isConnected(b.identity.deviceId) && b.sync.isConnected(a.identity.deviceId))

    const onA = a.repo.create<{ plan: string[] }>({ plan: ['starter'] })
    const onB: DocHandle<{ plan: string[] }> = await b.repo.find(onA.url)
    expect(onB.doc().plan).toEqual(['starter'])
    onB.change((doc) => void doc.plan.push('plenary'))
    await eventually(() => onA.doc().plan.length === 2)
    expect(onA.doc().plan).toEqual(['starter', 'plenary'])
    expect(b.trusted.get(a.identity.deviceId)!.addresses).toEqual([`127.0.0.1:${port}`])
    expect(a.trusted.get(b.identity.deviceId)!.lastSeenAt).not.toBeNull()
  })

  it('exchanges a bounded number of messages: a few per edit, none while idle', async () => {
    const a = await peers.peer('A')
    const b = await peers.peer('B')
    const port = await a.sync.listen({ host: '127.0.0.1' })
    peers.pair(a, b)
    await b.sync.connectTo(a.identity.deviceId, `127.0.0.1:${port}`)
    const onA = a.repo.create<{ words: string[] }>({ words: [] })
    const onB = await b.repo.find<{ words: string[] }>(onA.url)
    let received = 0
    const count = () => received++
    a.repo.networkSubsystem.on('message', count)
    b.repo.networkSubsystem.on('message', count)
    const edits = 100
    for (let i = 0; i < edits; i++) {
      onA.change((doc) => void doc.words.push(`w${i}`))
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    await eventually(() => onB.doc().words.length === edits)
    await new Promise((resolve) => setTimeout(resolve, 300))
    const whileEditing = received
    expect(whileEditing).toBeLessThanOrEqual(edits * 4)
    received = 0
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(received).toBe(0)
  })

  it('refuses an unpinned device during the TLS handshake, and a server that is not the paired one', async () => {
    const a = await peers.peer('A')
    const stranger = await peers.peer('Stranger')
    const port = await a.sync.listen({ host: '127.0.0.1' })
    // The stranger pins A (it knows A's certificate) but A never pinned the stranger.
    stranger.trusted.pin({ certificatePem: a.identity.certificatePem, name: 'A', relation: 'contact' })
    await expect(stranger.sync.connectTo(a.identity.deviceId, `127.0.0.1:${port}`)).rejects.toThrow(/Could not reach/)
    await eventually(() => a.sync.status().refusedHandshakes >= 1)
    expect(a.sync.status().connections).toEqual([])

    // B paired with A, but someone else answers at the address: a man in the middle with his own certificate.
    const b = await peers.peer('B')
    const impostor = await peers.peer('Impostor')
    impostor.trusted.pin({ certificatePem: b.identity.certificatePem, name: 'B', relation: 'own' })
    const impostorPort = await impostor.sync.listen({ host: '127.0.0.1' })
    b.trusted.pin({ certificatePem: a.identity.certificatePem, name: 'A', relation: 'own' })
    await expect(b.sync.connectTo(a.identity.deviceId, `127.0.0.1:${impostorPort}`)).rejects.toThrow()
    expect(b.sync.status().connections).toEqual([])
    expect(impostor.sync.status().connections).toEqual([])
  })

  it('cuts off a pinned device that claims another PeerId', async () => {
    const a = await peers.peer('A')
    const b = await peers.peer('B')
    const port = await a.sync.listen({ host: '127.0.0.1' })
    peers.pair(a, b)
    const socket = new WebSocket(`wss://127.0.0.1:${port}/`, { ...tlsTrusting(b.identity, [a.identity.certificatePem]), checkServerIdentity: (() => undefined) as never, maxPayload: maxSyncMessageBytes })
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))
    socket.send(cbor.encode({ type: 'join', senderId: peerIdOfDevice('C'.repeat(52)), peerMetadata: {}, supportedProtocolVersions: ['1'] }))
    expect(await closed).toBe(closeCodes.wrongPeerId)
    expect(a.sync.status().cutOff).toEqual([expect.objectContaining({ deviceId: b.identity.deviceId, reason: 'peer id does not match the certificate' })])
    expect(a.repo.peers).toEqual([])
  })

  it('stops syncing with a revoked device at once and refuses it afterwards', async () => {
    const a = await peers.peer('A')
    const b = await peers.peer('B')
    const port = await a.sync.listen({ host: '127.0.0.1' })
    peers.pair(a, b)
    await b.sync.connectTo(a.identity.deviceId, `127.0.0.1:${port}`)
    const onA = a.repo.create<{ n: number }>({ n: 1 })
    const onB = await b.repo.find<{ n: number }>(onA.url)
    a.trusted.revoke(b.identity.deviceId)
    await eventually(() => !b.sync.isConnected(a.identity.deviceId))
    onA.change((doc) => void (doc.n = 2))
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(onB.doc().n).toBe(1)
    await expect(b.sync.connectTo(a.identity.deviceId, `127.0.0.1:${port}`)).rejects.toThrow()
  })

  it('redials with doubling delays, not a storm, and reconnects when the other side is back', async () => {
    const a = await peers.peer('A')
    const b = await peers.peer('B')
    const port = await a.sync.listen({ host: '127.0.0.1' })
    await a.sync.stop()
    peers.pair(b, a, `127.0.0.1:${port}`)
    let attempts = 0
    const refused = a.sync.status().refusedHandshakes
    const original = b.trusted.active.bind(b.trusted)
    b.trusted.active = (id) => (attempts++, original(id))
    b.sync.startDialing()
    await new Promise((resolve) => setTimeout(resolve, 1_200))
    // 0, 25–50, 50–100, 100–200, 200–400, 200–400 … ms: at most ~8 dials in 1.2 s, never hundreds.
    expect(attempts).toBeGreaterThanOrEqual(3)
    expect(attempts).toBeLessThanOrEqual(9)
    expect(refused).toBe(0)

    // A comes back on the same port with the same identity: B's next dial (at most 400 ms away) links them.
    const back = new SyncService({ repo: a.repo, identity: a.identity, trusted: a.trusted })
    try {
      await back.listen({ host: '127.0.0.1', port })
      await eventually(() => b.sync.isConnected(a.identity.deviceId), 3_000)
      const dialsWhenLinked = attempts
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(attempts).toBe(dialsWhenLinked)
    } finally {
      await back.stop()
    }
  })
})
