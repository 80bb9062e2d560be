import { createServer, type Socket } from 'node:net'
import { join } from 'node:path'
import type { AutomergeUrl } from '@automerge/automerge-repo'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../Core'
import { createCore } from '../createCore'
import { call } from '../testing/coreHarness'
import { makeTempDir } from '../testing/tempDir'
import { freePort, startRelayTestServer, type RelayTestServer } from './relayTestServer'
import { eventually } from '../testing/eventually'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const fastBackoff = { initialMs: 100, maxMs: 400, stableMs: 1_000 }

describe('relay: a stock automerge-repo sync server', () => {
  let temp: ReturnType<typeof makeTempDir>
  const cores: Core[] = []
  const relays: RelayTestServer[] = []
  beforeEach(() => {
    temp = makeTempDir('staffroom-relay-')
  })
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.shutdown()
    for (const relay of relays.splice(0)) await relay.stop()
    temp.remove()
  })

  async function relayServer(port?: number): Promise<RelayTestServer> {
    const relay = await startRelayTestServer(temp.dir, port)
    relays.push(relay)
    return relay
  }

  /** Two cores that trust each other as contacts and share a note, but have no direct link. */
  async function sharedWithoutLink(): Promise<{ a: Core; b: Core; shared: { id: string; url: string }; personal: { id: string; url: string } }> {
    const a = await createCore({ dataDir: join(temp.dir, 'a') })
    const b = await createCore({ dataDir: join(temp.dir, 'b') })
    cores.push(a, b)
    a.sync.trusted.pin({ certificatePem: b.sync.identity.certificatePem, name: 'B', relation: 'contact' })
    b.sync.trusted.pin({ certificatePem: a.sync.identity.certificatePem, name: 'A', relation: 'contact' })
    const shared = await call(a, 'notes.create', { title: 'Fractions unit' })
    const personal = await call(a, 'notes.create', { title: 'Private reflections' })
    await call(b, 'notes.create', { title: 'B’s own notes' })
    a.sync.members.add(shared.id, b.sync.identity.deviceId, 'editor')
    b.sync.members.add(shared.id, a.sync.identity.deviceId, 'owner')
    return { a, b, shared, personal }
  }

  it('syncs a shared note marked for relay both ways through it, and nothing else reaches it', async () => {
    const relay = await relayServer()
    const { a, b, shared, personal } = await sharedWithoutLink()
    a.sync.relay.mark(shared.id)
    b.sync.relay.mark(shared.id)
    a.sync.relay.connect(relay.url)
    b.sync.relay.connect(relay.url)
    await eventually(() => a.sync.relay.status().state === 'connected' && b.sync.relay.status().state === 'connected')
    expect(a.sync.relay.status()).toMatchObject({ url: relay.url, lastError: null, relayed: [shared.id] })

    await eventually(() => relay.storedDocument<{ title: string }>(shared.id)?.title === 'Fractions unit')
    const onB = await b.repo.find<{ title: string }>(shared.url as AutomergeUrl)
    expect(onB.doc().title).toBe('Fractions unit')
    expect(b.sync.service.status().connections).toEqual([])
    expect(a.sync.service.status().connections).toEqual([])

    onB.change((doc) => void (doc.title = 'Fractions unit (with B)'))
    await eventually(async () => (await call(a, 'notes.get', { id: shared.id })).title === 'Fractions unit (with B)')
    const onA = await a.repo.find<{ title: string }>(shared.url as AutomergeUrl)
    onA.change((doc) => void (doc.title = 'Fractions unit (A again)'))
    await eventually(() => onB.doc().title === 'Fractions unit (A again)')

    // Touch the personal note and both workspaces while connected: none of it may travel.
    await call(a, 'notes.setTags', { id: personal.id, tags: ['private'] })
    await pause(500)
    expect(relay.storedDocumentIds()).toEqual([shared.id])
    expect(relay.storedDocumentIds()).not.toContain(personal.id)
    expect(relay.storedDocumentIds()).not.toContain(a.workspaceUrl.replace('automerge:', ''))
  }, 30_000)

  it('an invite sharing a note through the relay: the inviter marks it, the invitee marks it too and joins the relay', async () => {
    const relay = await relayServer()
    const a = await createCore({ dataDir: join(temp.dir, 'a'), deviceName: 'A' })
    const b = await createCore({ dataDir: join(temp.dir, 'b'), deviceName: 'B' })
    cores.push(a, b)
    const { pairingPort } = await a.sync.start({ host: '127.0.0.1' })
    a.sync.relay.connect(relay.url)
    const shared = await call(a, 'notes.create', { title: 'Relayed unit' })
    const direct = await call(a, 'notes.create', { title: 'Direct only' })
    const invite = a.sync.pairing.createInvite({
      relation: 'contact',
      shares: [
        { documentId: shared.id, title: 'Relayed unit', role: 'editor', relay: true },
        { documentId: direct.id, title: 'Direct only', role: 'editor' },
      ],
      addresses: [`127.0.0.1:${pairingPort}`],
    })
    expect(invite.payload.relay).toBe(relay.url)

    const accepted = await b.sync.pairing.acceptInvite(invite.code, { name: 'B' })
    expect(accepted.shares.map((s) => [s.title, s.relayed])).toEqual([
      ['Relayed unit', true],
      ['Direct only', false],
    ])
    expect(a.sync.relay.status().relayed).toEqual([shared.id])
    expect(b.sync.relay.status()).toMatchObject({ url: relay.url, relayed: [shared.id] })
    await eventually(() => b.sync.relay.status().state === 'connected')
    await eventually(() => relay.storedDocument<{ title: string }>(shared.id)?.title === 'Relayed unit')
    await pause(300)
    expect(relay.storedDocumentIds()).toEqual([shared.id])
  }, 30_000)

  it('refuses to mark a personal note or the workspace, with a clear error', async () => {
    const a = await createCore({ dataDir: join(temp.dir, 'a') })
    cores.push(a)
    const personal = await call(a, 'notes.create', { title: 'Mine' })
    expect(() => a.sync.relay.mark(personal.id)).toThrow(/Only a shared space can sync through the relay/)
    expect(() => a.sync.relay.mark(a.workspaceUrl.replace('automerge:', ''))).toThrow(/workspace is personal/)
    expect(a.sync.relay.isMarked(personal.id)).toBe(false)
    expect(() => a.sync.relay.connect('https://relay.example.org')).toThrow(/starts with wss:\/\//)
    expect(a.sync.relay.status()).toMatchObject({ url: null, state: 'offline', relayed: [] })
  })

  it('stops relaying at once when a note is unmarked', async () => {
    const relay = await relayServer()
    const { a, b, shared } = await sharedWithoutLink()
    a.sync.relay.mark(shared.id)
    b.sync.relay.mark(shared.id)
    a.sync.relay.connect(relay.url)
    b.sync.relay.connect(relay.url)
    await eventually(() => relay.storedDocument<{ title: string }>(shared.id)?.title === 'Fractions unit')
    const onA = await a.repo.find<{ title: string }>(shared.url as AutomergeUrl)
    const onB = await b.repo.find<{ title: string }>(shared.url as AutomergeUrl)
    onA.change((doc) => void (doc.title = 'Before unmarking'))
    await eventually(() => relay.storedDocument<{ title: string }>(shared.id)?.title === 'Before unmarking' && onB.doc().title === 'Before unmarking')

    expect(a.sync.relay.unmark(shared.id)).toBe(true)
    onA.change((doc) => void (doc.title = 'After unmarking, A only'))
    await pause(800)
    expect(relay.storedDocument<{ title: string }>(shared.id)?.title).toBe('Before unmarking')
    expect(onB.doc().title).toBe('Before unmarking')
    // B still relays, but A no longer takes the document from the relay either.
    onB.change((doc) => void (doc.title = 'B after A unmarked'))
    await eventually(() => relay.storedDocument<{ title: string }>(shared.id)?.title === 'B after A unmarked')
    await pause(300)
    expect(onA.doc().title).toBe('After unmarking, A only')
  }, 30_000)

  it('reports a relay that is down as offline and redials with backoff, not in a storm, then connects when it is up', async () => {
    const port = await freePort()
    let attempts = 0
    const sockets = new Set<Socket>()
    const refusing = createServer((socket) => {
      attempts++
      sockets.add(socket)
      socket.destroy()
    })
    await new Promise<void>((resolve) => refusing.listen(port, '127.0.0.1', resolve))
    const a = await createCore({ dataDir: join(temp.dir, 'a') })
    cores.push(a)
    const started = Date.now()
    a.sync.relay.connect(`ws://127.0.0.1:${port}`, { backoff: fastBackoff })
    await pause(2_000)
    const window = Date.now() - started
    const seen = attempts
    expect(a.sync.relay.status()).toMatchObject({ state: expect.stringMatching(/offline|connecting/), lastError: expect.any(String) })
    // 100 → 400 ms doubling with jitter: about 6–10 dials in 2 s; a retry loop would make thousands.
    expect(seen).toBeGreaterThanOrEqual(3)
    expect(seen).toBeLessThanOrEqual(Math.ceil(window / 50))
    expect(seen).toBeLessThanOrEqual(14)
    await new Promise<void>((resolve) => refusing.close(() => resolve()))

    const relay = await relayServer(port)
    await eventually(() => a.sync.relay.status().state === 'connected', 5_000)
    expect(a.sync.relay.status()).toMatchObject({ url: relay.url, lastError: null })
    expect(relay.storedDocumentIds()).toEqual([])
  }, 30_000)
})
