import { join } from 'node:path'
import * as A from '@automerge/automerge'
import type { AutomergeUrl } from '@automerge/automerge-repo'
import type { Core } from '../../../src/main/core/Core'
import { createCore } from '../../../src/main/core/createCore'
import { call } from '../../../src/main/core/testing/coreHarness'
import { eventually } from '../../../src/main/core/testing/eventually'
import { makeTempDir } from '../../../src/main/core/testing/tempDir'
import { createDeviceCertificate } from '../../../src/main/core/sync/createDeviceCertificate'
import { deviceIdOfCertificate } from '../../../src/main/core/sync/deviceId'
import type { LanDiscoveryTuning } from '../../../src/main/core/sync/CoreSync'
import type { DeviceIdentity } from '../../../src/main/core/sync/DeviceIdentityStore'
import { requestPairing } from '../../../src/main/core/sync/requestPairing'

/** A dispatch call longer than this means the core hangs (not a performance bound: tens of times the normal). */
export const responsiveBoundMs = 10_000

interface NoteRef {
  id: string
  url: string
}

/** A fresh device identity, as a device makes on its first run. */
export async function makeIdentity(name: string): Promise<DeviceIdentity> {
  const { certificatePem, privateKeyPem } = await createDeviceCertificate(name)
  return { deviceId: deviceIdOfCertificate(certificatePem), certificatePem, privateKeyPem }
}

/**
 * The world a hostile peer attacks: core A (real profile, sync on 127.0.0.1), an honest colleague C
 * (another real core, paired by invite) sharing note `honest` with A and editing it, a private note
 * of A's that nobody else may see, and `shared`, the note hostile peers are invited to.
 */
export class PeerWorld {
  private constructor(
    private readonly temp: ReturnType<typeof makeTempDir>,
    readonly a: Core,
    readonly c: Core,
    readonly syncPort: number,
    readonly pairingAddress: string,
    readonly notes: { shared: NoteRef; honest: NoteRef; secret: NoteRef },
  ) {}

  static async open(options: { lanDiscovery?: LanDiscoveryTuning } = {}): Promise<PeerWorld> {
    const temp = makeTempDir('staffroom-hostile-peers-')
    const a = await createCore({ dataDir: join(temp.dir, 'a'), deviceName: 'Target laptop' })
    const c = await createCore({ dataDir: join(temp.dir, 'c'), deviceName: 'Honest colleague' })
    const { port, pairingPort } = await a.sync.start({ host: '127.0.0.1', ...(options.lanDiscovery ? { lanDiscovery: options.lanDiscovery } : {}) })
    await c.sync.start({ host: '127.0.0.1' })
    const shared = await call(a, 'notes.create', { title: 'Shared with the hostile peer' })
    const honest = await call(a, 'notes.create', { title: 'Shared with the honest colleague' })
    const secret = await call(a, 'notes.create', { title: 'Private reflections' })
    const pairingAddress = `127.0.0.1:${pairingPort}`
    const invite = a.sync.pairing.createInvite({ relation: 'contact', shares: [{ documentId: honest.id, title: honest.title, role: 'editor' }], addresses: [pairingAddress] })
    await c.sync.pairing.acceptInvite(invite.code, { name: 'Honest colleague' })
    await eventually(() => c.sync.service.isConnected(a.sync.identity.deviceId), 15_000)
    await c.repo.find(honest.url as AutomergeUrl)
    return new PeerWorld(temp, a, c, port, pairingAddress, { shared: { id: shared.id, url: shared.url }, honest: { id: honest.id, url: honest.url }, secret: { id: secret.id, url: secret.url } })
  }

  get targetDeviceId(): string {
    return this.a.sync.identity.deviceId
  }

  /**
   * A device paired with A for real: A issues a contact invite sharing `shared`, the device redeems
   * it at A's pairing door with its own certificate (as `acceptInvite` does), and A pins it.
   */
  async pairHostile(name: string, identity?: DeviceIdentity): Promise<DeviceIdentity> {
    identity ??= await makeIdentity(name)
    const invite = this.a.sync.pairing.createInvite({ relation: 'contact', shares: [{ documentId: this.notes.shared.id, title: 'Shared', role: 'editor' }], addresses: [this.pairingAddress] })
    const answer = await requestPairing(identity, this.targetDeviceId, this.pairingAddress, { secret: invite.payload.secret, name })
    if (answer.status !== 200 || !this.a.sync.trusted.active(identity.deviceId)) throw new Error(`pairing ${name} failed: ${answer.status}`)
    return identity
  }

  /** How long a dispatch call takes; throws if it does not answer within `responsiveBoundMs` (the core hangs). */
  async dispatchLatencyMs(): Promise<number> {
    const started = performance.now()
    let timer: ReturnType<typeof setTimeout> | undefined
    const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`core did not answer notes.get within ${responsiveBoundMs} ms`)), responsiveBoundMs)))
    try {
      const note = await Promise.race([call(this.a, 'notes.get', { id: this.notes.secret.id }), hang])
      if (note.title !== 'Private reflections') throw new Error(`private note changed: ${note.title}`)
    } finally {
      clearTimeout(timer)
    }
    return performance.now() - started
  }

  /** Heads and content of A's documents other than `shared`: what a hostile peer must not touch. */
  async snapshotOthers(): Promise<string> {
    const parts: string[] = []
    for (const url of [this.notes.secret.url, this.a.workspaceUrl]) {
      const handle = await this.a.repo.find(url as AutomergeUrl)
      parts.push(`${url} ${A.getHeads(handle.doc() as A.Doc<unknown>).join(',')} ${JSON.stringify(handle.doc())}`)
    }
    return parts.join('\n')
  }

  /** The honest colleague edits its note; resolves once A has the edit and both have the same heads (throws if not). */
  async honestRoundTrip(label: string): Promise<void> {
    const onC = await this.c.repo.find<{ title: string }>(this.notes.honest.url as AutomergeUrl)
    const onA = await this.a.repo.find<{ title: string }>(this.notes.honest.url as AutomergeUrl)
    onC.change((doc) => void (doc.title = `Honest edit ${label}`))
    await eventually(() => onA.doc().title === `Honest edit ${label}` && A.getHeads(onA.doc()).join() === A.getHeads(onC.doc()).join(), 15_000)
  }

  async close(): Promise<void> {
    await this.c.shutdown()
    await this.a.shutdown()
    this.temp.remove()
  }
}
