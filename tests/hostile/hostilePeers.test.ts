import { cbor, generateAutomergeUrl, parseAutomergeUrl } from '@automerge/automerge-repo'
import * as A from '@automerge/automerge'
import { constants as zlibConstants, deflateRawSync } from 'node:zlib'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../../src/main/core/testing/eventually'
import { peerIdOfDevice } from '../../src/main/core/sync/deviceId'
import type { DeviceIdentity } from '../../src/main/core/sync/DeviceIdentityStore'
import { maxSyncMessageInflatedBytes, maxSyncMessageRows } from '../../src/main/core/sync/peerMessageShape'
import { syncMessageRows } from '../../src/main/core/sync/syncMessageWork'
import { maxSyncMessageBytes } from '../../src/main/core/sync/tlsOptions'
import { documentBomb, makeDocumentBomb } from './support/peerBomb'
import { junkFrame } from './support/peerFrames'
import { frameHeader, HostileSocket, type SocketEnd } from './support/peerSocket'
import { PeerTally } from './support/peerTally'
import { PeerWorld } from './support/peerWorld'
import { isLongRun, propertySeed, trialCount } from './support/trials'

/** Close codes that mean "cut off for misbehaving": ours (4001 wrong id, 4002 protocol) and ws's (1002 protocol, 1007 bad UTF-8, 1009 too big). */
const misbehaviourCodes = [4001, 4002, 1002, 1007, 1009]

describe('hostile peers: a paired device that misbehaves on a real TLS link to a real core', () => {
  let world: PeerWorld
  let othersBefore: string
  const tally = new PeerTally('hostile-peers', 'a paired device sends junk CBOR, truncated, oversized and flooding sync messages and document bombs')

  beforeAll(async () => {
    world = await PeerWorld.open()
    othersBefore = await world.snapshotOthers()
  })
  afterAll(async () => {
    tally.record()
    await world?.close()
  })

  /** The core answers, A's private note and workspace are as they were, and the honest colleague still syncs. */
  async function coreUnharmed(label: string): Promise<number> {
    const latency = await world.dispatchLatencyMs()
    expect(await world.snapshotOthers()).toBe(othersBefore)
    await world.honestRoundTrip(label)
    return latency
  }

  /** A link that ended for misbehaving: the right code, logged, and the device refused until its cooldown ends. */
  async function expectCutOffAndBenched(identity: DeviceIdentity, end: SocketEnd | undefined): Promise<void> {
    expect(end, 'the link should have been cut').toBeDefined()
    expect(misbehaviourCodes).toContain(end!.code)
    expect(world.a.sync.service.status().cutOff.some((c) => c.deviceId === identity.deviceId)).toBe(true)
    expect(world.a.sync.service.benchedUntil(identity.deviceId)).toBeGreaterThan(Date.now())
    await expect(HostileSocket.open(identity, world.a.sync.identity.certificatePem, world.syncPort)).rejects.toThrow()
    expect(world.a.sync.service.isConnected(identity.deviceId)).toBe(false)
  }

  /** A link that survived must be a working one: a genuine request for the shared note gets its sync answer. */
  async function expectWorkingLink(socket: HostileSocket, identity: DeviceIdentity): Promise<void> {
    const [, request] = A.generateSyncMessage(A.init(), A.initSyncState())
    const before = socket.received.length
    socket.send(cbor.encode({ type: 'request', senderId: peerIdOfDevice(identity.deviceId), targetId: peerIdOfDevice(world.targetDeviceId), documentId: world.notes.shared.id, data: request }))
    const deadline = Date.now() + 10_000
    const answered = () => socket.received.slice(before).some((m) => (m as { type?: string; documentId?: string }).documentId === world.notes.shared.id)
    while (!answered() && socket.isOpen && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(answered(), 'an open link should still be served').toBe(true)
  }

  async function linkAs(name: string, join = true): Promise<{ identity: DeviceIdentity; socket: HostileSocket }> {
    const identity = await world.pairHostile(name)
    const socket = await HostileSocket.open(identity, world.a.sync.identity.certificatePem, world.syncPort)
    if (join) await socket.join(identity)
    return { identity, socket }
  }

  function retire(identity: DeviceIdentity, socket: HostileSocket): void {
    socket.close()
    world.a.sync.trusted.revoke(identity.deviceId)
  }

  it('junk frames (fast-check): every unusable frame cuts the peer off and benches it; the core and other documents are untouched', async () => {
    tally.begin()
    const runs = trialCount({ quick: 24, long: 400 })
    const documentIds = [world.notes.shared.id, world.notes.secret.id, world.notes.honest.id, world.a.workspaceUrl.replace('automerge:', '')]
    const counts = { cut: 0, stayedOpen: 0, beforeHandshake: 0, frames: 0, mustCut: 0, maxDispatchMs: 0 }
    let trial = 0
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3 }).map((n) => n === 0), fc.array(junkFrame(documentIds), { minLength: 1, maxLength: 3 }), async (skipJoin, frames) => {
        const { identity, socket } = await linkAs(`junk ${++trial}`, !skipJoin)
        const context = { hostilePeerId: peerIdOfDevice(identity.deviceId), targetPeerId: peerIdOfDevice(world.targetDeviceId) }
        for (const frame of frames) socket.send(frame.encode(context))
        const end = await socket.endWithin(1_500)
        if (end || frames.some((f) => f.mustCut)) {
          await expectCutOffAndBenched(identity, end)
          counts.cut++
        } else {
          await expectWorkingLink(socket, identity)
          counts.stayedOpen++
        }
        counts.frames += frames.length
        counts.mustCut += frames.filter((f) => f.mustCut).length
        if (skipJoin) counts.beforeHandshake++
        counts.maxDispatchMs = Math.max(counts.maxDispatchMs, Math.round(await world.dispatchLatencyMs()))
        retire(identity, socket)
      }),
      { numRuns: runs, seed: propertySeed(), endOnFailure: true },
    )
    await coreUnharmed('after junk')
    tally.pass(runs, { junkTrials: runs, junkFrames: counts.frames, junkCut: counts.cut, junkStayedOpen: counts.stayedOpen, junkFramesUnusableByConstruction: counts.mustCut, junkBeforeHandshake: counts.beforeHandshake, maxDispatchMs: counts.maxDispatchMs })
  })

  it('oversized frames: a header claiming more than the limit, and big junk or junk sync data under it, cut the peer off', async () => {
    tally.begin()
    const runs = trialCount({ quick: 6, long: 40 })
    const maxJunkBytes = (isLongRun ? 48 : 4) * 1024 * 1024
    const counts = { lyingHeader: 0, bigJunk: 0, bigSyncData: 0, bytesSent: 0, maxDispatchMs: 0 }
    let trial = 0
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kind: fc.constant('lyingHeader' as const), claimed: fc.integer({ min: maxSyncMessageBytes + 1, max: 2 ** 40 }) }),
          fc.record({ kind: fc.constantFrom('bigJunk' as const, 'bigSyncData' as const), size: fc.integer({ min: 256 * 1024, max: maxJunkBytes }), seed: fc.integer() }),
        ),
        async (attack) => {
          const { identity, socket } = await linkAs(`oversized ${++trial}`)
          const self = peerIdOfDevice(identity.deviceId)
          if (attack.kind === 'lyingHeader') {
            socket.writeRaw(Buffer.concat([frameHeader(attack.claimed), Buffer.alloc(1024, 7)]))
            counts.bytesSent += 1024
          } else {
            const junk = Buffer.alloc(attack.size, attack.seed & 0xff)
            socket.send(attack.kind === 'bigJunk' ? junk : cbor.encode({ type: 'sync', senderId: self, targetId: peerIdOfDevice(world.targetDeviceId), documentId: world.notes.shared.id, data: junk }))
            counts.bytesSent += attack.size
          }
          counts[attack.kind]++
          await expectCutOffAndBenched(identity, await socket.endWithin(15_000))
          counts.maxDispatchMs = Math.max(counts.maxDispatchMs, Math.round(await world.dispatchLatencyMs()))
          retire(identity, socket)
        },
      ),
      { numRuns: runs, seed: propertySeed(), endOnFailure: true },
    )
    await coreUnharmed('after oversized')
    tally.pass(runs, { oversizedTrials: runs, oversizedLyingHeaders: counts.lyingHeader, oversizedJunk: counts.bigJunk + counts.bigSyncData, oversizedMiBSent: Math.round(counts.bytesSent / 1024 / 1024), maxDispatchMs: counts.maxDispatchMs })
  })

  it('a flood: thousands of well-formed messages (a storm of unknown document ids) as fast as TLS carries them, while the honest peer edits', async () => {
    tally.begin()
    const messages = trialCount({ quick: 10_000, long: 200_000 })
    const { identity, socket } = await linkAs('flood')
    const [, request] = A.generateSyncMessage(A.init(), A.initSyncState())
    const ids = { sender: peerIdOfDevice(identity.deviceId), target: peerIdOfDevice(world.targetDeviceId) }
    const handlesBefore = Object.keys(world.a.repo.handles).length
    const latencies: number[] = []
    let flooding = true
    const probe = (async () => {
      while (flooding) {
        latencies.push(await world.dispatchLatencyMs())
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    })()
    const honestDuring = world.honestRoundTrip('during the flood')
    const started = performance.now()
    // Written in slices so the flood does not sit in our own buffer: A gets it as fast as it reads.
    for (let sent = 0; sent < messages && socket.isOpen; ) {
      for (const end = Math.min(messages, sent + 500); sent < end; sent++) {
        const documentId = parseAutomergeUrl(generateAutomergeUrl()).documentId
        socket.send(cbor.encode(sent % 10 === 9 ? { type: 'doc-unavailable', senderId: ids.sender, targetId: ids.target, documentId } : { type: 'request', senderId: ids.sender, targetId: ids.target, documentId, data: request }))
      }
      while (socket.socket.bufferedAmount > 1024 * 1024) await new Promise((resolve) => setTimeout(resolve, 5))
      await new Promise((resolve) => setImmediate(resolve))
    }
    await honestDuring
    const floodMs = performance.now() - started
    // A answers each request (9 in 10 messages) with doc-unavailable; wait for the last answers to arrive.
    const requests = messages - Math.floor(messages / 10)
    await eventually(() => socket.received.filter((m) => (m as { type?: string }).type === 'doc-unavailable').length >= requests || !socket.isOpen, 60_000)
    flooding = false
    await probe
    // Well-formed traffic is served, not cut (a flood costs A little: no document handle per unknown id,
    // one small answer each, and TCP paces the sender); a paired device that floods is the user's to revoke.
    expect(socket.isOpen).toBe(true)
    expect(Object.keys(world.a.repo.handles).length).toBe(handlesBefore)
    const answers = socket.received.filter((m) => (m as { type?: string }).type === 'doc-unavailable').length
    expect(answers).toBeGreaterThanOrEqual(requests)
    retire(identity, socket)
    await coreUnharmed('after the flood')
    tally.pass(1, { floodMessages: messages, floodAnswers: answers, floodMs: Math.round(floodMs), floodDispatchProbes: latencies.length, maxDispatchMs: Math.round(Math.max(...latencies)) })
  })

  it('document bombs: a 1.5 kB sync message unpacking to 1.2 million ops is refused unread; so are bigger and deflate bombs', async () => {
    tally.begin()
    const fixture = documentBomb()
    // A deflated change chunk (type 2) of 72 MiB of zeros: well under 1 MB on the wire, past the 64 MiB inflate limit.
    // Made from one fully flushed 1 MiB block repeated, then an empty final block: no need to deflate 72 MiB.
    const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: zlibConstants.Z_FULL_FLUSH })
    const zeros = Buffer.concat([...Array.from({ length: 72 }, () => block), Buffer.from([0x03, 0x00])])
    const deflateChunk = Buffer.concat([Buffer.from([0x85, 0x6f, 0x4a, 0x83, 0, 0, 0, 0, 2]), uleb(zeros.length), zeros])
    const bombs: Array<{ name: string; data: Uint8Array }> = [
      { name: 'fixture', data: fixture },
      { name: 'deflate', data: A.encodeSyncMessage({ heads: [], need: [], have: [], changes: [deflateChunk] }) },
    ]
    if (isLongRun) for (const characters of [2_000_000, 5_000_000]) bombs.push({ name: `fresh ${characters}`, data: makeDocumentBomb(characters) })
    const sharedHeads = async () => A.getHeads((await world.a.repo.find(world.notes.shared.url as never)).doc() as A.Doc<unknown>).join()
    const headsBefore = await sharedHeads()
    let maxDispatchMs = 0
    for (const bomb of bombs) {
      expect(bomb.data.length).toBeLessThan(1024 * 1024)
      if (bomb.name !== 'deflate') expect(syncMessageRows(bomb.data, maxSyncMessageInflatedBytes)).toBeGreaterThan(maxSyncMessageRows)
      const { identity, socket } = await linkAs(`bomb ${bomb.name}`)
      const dispatchDuring = world.dispatchLatencyMs()
      socket.send(cbor.encode({ type: 'sync', senderId: peerIdOfDevice(identity.deviceId), targetId: peerIdOfDevice(world.targetDeviceId), documentId: world.notes.shared.id, data: bomb.data }))
      await expectCutOffAndBenched(identity, await socket.endWithin(10_000))
      expect(world.a.sync.service.status().cutOff.at(-1)).toMatchObject({ deviceId: identity.deviceId, reason: 'sync message too big to apply' })
      maxDispatchMs = Math.max(maxDispatchMs, Math.round(await dispatchDuring), Math.round(await world.dispatchLatencyMs()))
      retire(identity, socket)
    }
    expect(await sharedHeads()).toBe(headsBefore)
    await coreUnharmed('after bombs')
    tally.pass(bombs.length, { bombs: bombs.length, bombWireBytes: fixture.length, maxDispatchMs })
  })
})

function uleb(value: number): Buffer {
  const bytes: number[] = []
  do {
    const low = value & 0x7f
    value = Math.floor(value / 128)
    bytes.push(value > 0 ? low | 0x80 : low)
  } while (value > 0)
  return Buffer.from(bytes)
}
