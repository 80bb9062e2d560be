import { randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { base32 } from '../../src/main/core/sync/deviceId'
import type { DeviceIdentity } from '../../src/main/core/sync/DeviceIdentityStore'
import { requestPairing } from '../../src/main/core/sync/requestPairing'
import { makeLookalikeIdentity } from './support/peerCertificates'
import { Impostor } from './support/peerImpostor'
import { answerPacket, freeUdpPort, junkPacket, loopbackMdns, MdnsInjector } from './support/peerMdns'
import { HostileSocket } from './support/peerSocket'
import { PeerTally } from './support/peerTally'
import { makeIdentity, PeerWorld } from './support/peerWorld'
import { propertySeed, trialCount } from './support/trials'

const unpinnedKinds = ['fresh', 'lookalike of a paired device', 'revoked', 'no certificate', 'paired but TLS 1.2', 'clone of the target itself'] as const
const impostorKinds = ['fresh', 'lookalike of the device', 'another paired device', 'clone of the dialler itself'] as const
const replayKinds = ['another device, used secret', 'same device, used secret', 'altered secret', 'race for a fresh secret'] as const

describe('refused peers: strangers, replayed invites, men in the middle and spoofed mDNS answers get nothing', () => {
  let world: PeerWorld
  let mdnsPort: number
  /** Paired by invite but never online: what a spoofer or a man in the middle pretends to be. */
  let offline: DeviceIdentity
  const tally = new PeerTally('refused-peers', 'unpinned certificates, replayed invite secrets, men in the middle and spoofed mDNS answers')

  beforeAll(async () => {
    mdnsPort = await freeUdpPort()
    world = await PeerWorld.open({ lanDiscovery: loopbackMdns(mdnsPort) })
    offline = await world.pairHostile('Offline own laptop')
  })
  afterAll(async () => {
    tally.record()
    await world?.close()
  })

  const a = () => world.a.sync
  const honestId = () => world.c.sync.identity.deviceId

  /** Nothing got in: only the honest colleague is linked, and the offline device's remembered addresses are still none. */
  async function nobodyIn(): Promise<void> {
    expect(a().service.status().connections.map((c) => c.deviceId)).toEqual([honestId()])
    expect(a().trusted.get(offline.deviceId)!.addresses).toEqual([])
    await world.dispatchLatencyMs()
  }

  it('unpinned peers (fast-check): fresh, look-alike, revoked, certificate-less, TLS 1.2 and cloned certificates are refused at the handshake or the upgrade', async () => {
    tally.begin()
    const runs = trialCount({ quick: 10, long: 120 })
    const seen: Record<string, number> = {}
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...unpinnedKinds), async (kind) => {
        seen[kind] = (seen[kind] ?? 0) + 1
        let identity: DeviceIdentity
        let tls: Record<string, unknown> = {}
        if (kind === 'fresh') identity = await makeIdentity('Stranger')
        else if (kind === 'lookalike of a paired device') identity = await makeLookalikeIdentity(world.c.sync.identity.certificatePem)
        else if (kind === 'clone of the target itself') identity = world.a.sync.identity
        else {
          identity = await world.pairHostile(`soon refused (${kind})`)
          if (kind === 'revoked') a().trusted.revoke(identity.deviceId)
          if (kind === 'no certificate') tls = { key: undefined, cert: undefined }
          if (kind === 'paired but TLS 1.2') tls = { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' }
        }
        await expect(HostileSocket.open(identity, world.a.sync.identity.certificatePem, world.syncPort, tls)).rejects.toThrow()
        expect(a().service.isConnected(identity.deviceId)).toBe(false)
        if (kind === 'no certificate' || kind === 'paired but TLS 1.2') a().trusted.revoke(identity.deviceId)
        await nobodyIn()
      }),
      { numRuns: runs, seed: propertySeed(), endOnFailure: true },
    )
    tally.pass(runs, { unpinnedTrials: runs, unpinnedKinds: Object.keys(seen).length, refusedHandshakes: a().service.status().refusedHandshakes })
  })

  it('a man in the middle (fast-check): dialling a paired device at an address where another certificate answers links nothing and tells the impostor nothing', async () => {
    tally.begin()
    const runs = trialCount({ quick: 8, long: 80 })
    let handshakesCompleted = 0
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...impostorKinds), fc.boolean(), async (kind, throughDispatch) => {
        const identity =
          kind === 'fresh' ? await makeIdentity('Impostor') : kind === 'lookalike of the device' ? await makeLookalikeIdentity(offline.certificatePem) : kind === 'another paired device' ? world.c.sync.identity : world.a.sync.identity
        const impostor = await Impostor.listen(identity)
        try {
          if (throughDispatch) {
            const result = await world.a.dispatch('sync.connectDevice', { deviceId: offline.deviceId, address: impostor.address })
            expect(result.ok).toBe(false)
          } else await expect(a().service.connectTo(offline.deviceId, impostor.address)).rejects.toThrow()
          expect(impostor.connections).toBe(1)
          expect(impostor.upgrades).toBe(0)
          handshakesCompleted += impostor.handshakes
          await nobodyIn()
        } finally {
          await impostor.close()
        }
      }),
      { numRuns: runs, seed: propertySeed(), endOnFailure: true },
    )
    tally.pass(runs, { mitmTrials: runs, mitmImpostorHandshakesCompleted: handshakesCompleted })
  })

  it('spoofed mDNS answers (fast-check, loopback unicast only): a claim to be a paired device leads at most to a refused dial, never a link or a remembered address', async () => {
    tally.begin()
    const runs = trialCount({ quick: 10, long: 100 })
    const impostor = await Impostor.listen(await makeLookalikeIdentity(offline.certificatePem))
    const closedPort = await freeUdpPort()
    const injector = await MdnsInjector.open()
    const honestAddresses = a().trusted.get(honestId())!.addresses
    const stranger = (await makeIdentity('Stranger')).deviceId
    let claimsOfOffline = 0
    let packets = 0
    try {
      const claim = fc.oneof({ weight: 3, arbitrary: fc.constant('offline' as const) }, { weight: 2, arbitrary: fc.constantFrom('honest' as const, 'stranger' as const, 'self' as const, 'junk' as const) })
      const answer = fc.record({ claim, toImpostor: fc.boolean(), copies: fc.integer({ min: 1, max: 4 }), shuffle: fc.boolean(), label: fc.stringMatching(/^[a-z0-9]{1,20}$/) })
      await fc.assert(
        fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 3 }), fc.array(junkPacket, { maxLength: 2 }), async (answers, junk) => {
          for (const spoof of answers) {
            const id = { offline: offline.deviceId, honest: honestId(), stranger, self: world.targetDeviceId, junk: 'NOT-A-DEVICE' }[spoof.claim]
            if (spoof.claim === 'offline' && spoof.toImpostor) claimsOfOffline++
            await injector.send(answerPacket({ txt: `id=${id}`, port: spoof.toImpostor ? impostor.port : closedPort, copies: spoof.copies, shuffle: spoof.shuffle }, `${spoof.label}._staffroom._tcp.local`), mdnsPort)
            packets++
          }
          for (const bytes of junk) await injector.send(bytes, mdnsPort)
          packets += junk.length
          // Let the hints run their course: a dial to the impostor fails within a TLS round trip.
          await new Promise((resolve) => setTimeout(resolve, 250))
          await nobodyIn()
          expect(a().trusted.get(honestId())!.addresses).toEqual(honestAddresses)
          expect(impostor.upgrades).toBe(0)
        }),
        // The first run is the plain spoof, so the run proves answers do reach LanDiscovery and lead to a dial.
        { numRuns: runs, seed: propertySeed(), endOnFailure: true, examples: [[[{ claim: 'offline', toImpostor: true, copies: 1, shuffle: false, label: 'spoof' }], []]] },
      )
      // The spoofs got through to a dial (so the property was not vacuous), and backoff kept dials to at most one per answer.
      expect(impostor.connections).toBeGreaterThanOrEqual(1)
      expect(impostor.connections).toBeLessThanOrEqual(claimsOfOffline)
      tally.pass(runs, { mdnsTrials: runs, mdnsPackets: packets, mdnsSpoofsOfPairedDevice: claimsOfOffline, mdnsDialsToSpoofer: impostor.connections })
    } finally {
      await injector.close()
      await impostor.close()
    }
  })

  it('replayed invites (fast-check): a used secret pairs nobody else, an altered one nobody, and of peers racing for one secret exactly one wins', async () => {
    tally.begin()
    const runs = trialCount({ quick: 6, long: 40 })
    // Ten wrong secrets pause the door for a minute (PairingListener); stay under it so later trials still pair.
    let wrongSecrets = 0
    const pinnedBefore = a().trusted.list().length
    let rightful = 0
    let replays = 0
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...replayKinds), fc.integer({ min: 2, max: 5 }), async (kind, racers) => {
        const invite = a().pairing.createInvite({ relation: 'contact', shares: [{ documentId: world.notes.shared.id, title: 'Shared', role: 'editor' }], addresses: [world.pairingAddress] })
        const secret = invite.payload.secret
        const redeem = (identity: DeviceIdentity, withSecret = secret) => requestPairing(identity, world.targetDeviceId, world.pairingAddress, { secret: withSecret, name: 'Replayer' })
        const attackers: DeviceIdentity[] = []
        if (kind === 'race for a fresh secret') {
          const contenders = await Promise.all(Array.from({ length: racers }, () => makeIdentity('Racer')))
          const answers = await Promise.all(contenders.map((identity) => redeem(identity)))
          expect(answers.filter((r) => r.status === 200)).toHaveLength(1)
          expect(answers.filter((r) => r.status !== 200).every((r) => r.status === 410)).toBe(true)
          attackers.push(...contenders.filter((_, i) => answers[i]!.status !== 200))
          rightful++
        } else {
          const owner = await makeIdentity('Rightful')
          expect((await redeem(owner)).status).toBe(200)
          rightful++
          if (kind === 'same device, used secret') expect((await redeem(owner)).status).toBe(410)
          else if (kind === 'altered secret' && wrongSecrets < 8) {
            const altered = base32(randomBytes(16)).slice(0, 26)
            const attacker = await makeIdentity('Guesser')
            expect((await redeem(attacker, altered)).status).toBe(403)
            wrongSecrets++
            attackers.push(attacker)
          } else {
            const attacker = await makeIdentity('Replayer')
            expect((await redeem(attacker)).status).toBe(410)
            attackers.push(attacker)
          }
        }
        replays += attackers.length
        for (const attacker of attackers) expect(a().trusted.get(attacker.deviceId)).toBeUndefined()
        await nobodyIn()
      }),
      { numRuns: runs, seed: propertySeed(), endOnFailure: true },
    )
    expect(a().trusted.list().length).toBe(pinnedBefore + rightful)
    tally.pass(runs, { replayTrials: runs, replayAttempts: replays, replayWrongSecrets: wrongSecrets })
  })
})
