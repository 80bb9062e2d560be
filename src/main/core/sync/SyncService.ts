import type { Repo } from '@automerge/automerge-repo'
import type { WebSocket } from 'ws'
import { backoffDelay, defaultBackoff, type BackoffPolicy } from './backoff'
import { dialDevice } from './dialDevice'
import type { DeviceIdentity } from './DeviceIdentityStore'
import { peerIdOfDevice } from './deviceId'
import { closeCodes, PeerSocketAdapter } from './PeerSocketAdapter'
import { SyncListener } from './SyncListener'
import type { TrustedDevices } from './TrustedDevices'

export interface SyncServiceOptions {
  repo: Repo
  identity: DeviceIdentity
  trusted: TrustedDevices
  backoff?: BackoffPolicy
  /** How often a link is pinged; one missed pong closes it (half-open links after sleep or Wi-Fi loss). */
  keepAliveMs?: number
  random?: () => number
  /** How long a device cut off for misbehaving is refused: doubling per repeat, up to the cap. */
  misbehaviourCooldown?: { initialMs: number; maxMs: number }
}

/** A device that sent a malformed, oversized or foreign message waits this long before it is served again. */
export const defaultMisbehaviourCooldown = { initialMs: 30_000, maxMs: 60 * 60_000 }

interface Connection {
  deviceId: string
  direction: 'in' | 'out'
  since: number
  socket: WebSocket
  adapter: PeerSocketAdapter
  keepAlive: ReturnType<typeof setInterval>
}

export interface SyncStatus {
  deviceId: string
  listening: { port: number } | null
  connections: Array<{ deviceId: string; direction: 'in' | 'out'; since: number }>
  refusedHandshakes: number
  cutOff: Array<{ deviceId: string; reason: string; at: number }>
}

/**
 * Peer-to-peer sync between pinned devices: listens for them, dials the ones with known
 * addresses (with backoff), and keeps at most one link per device, each an automerge-repo
 * network adapter bound to the device its certificate proves.
 */
export class SyncService {
  private listener: SyncListener | undefined
  private port: number | undefined
  private readonly connections = new Map<string, Connection>()
  private readonly dialing = new Map<string, { attempt: number; timer?: ReturnType<typeof setTimeout> }>()
  /** Hinted addresses that failed, with when they may be tried again; at most one hint dial per device at a time. */
  private readonly hintBackoff = new Map<string, { attempt: number; notBefore: number }>()
  private readonly hintDialing = new Set<string>()
  private readonly cutOffLog: SyncStatus['cutOff'] = []
  /** Devices cut off for misbehaving: how often, and until when they are refused (listener and dialer). */
  private readonly benched = new Map<string, { strikes: number; until: number }>()
  private stopWatchingTrust: (() => void) | undefined
  private stopped = false

  constructor(private readonly options: SyncServiceOptions) {
    this.stopWatchingTrust = options.trusted.onChange(() => this.trustChanged())
  }

  get deviceId(): string {
    return this.options.identity.deviceId
  }

  /** Starts (or, after stop, restarts) accepting paired devices. */
  async listen({ port = 0, host = '0.0.0.0' }: { port?: number; host?: string } = {}): Promise<number> {
    this.stopped = false
    this.stopWatchingTrust ??= this.options.trusted.onChange(() => this.trustChanged())
    const { identity, trusted } = this.options
    this.listener = new SyncListener(
      identity,
      trusted.activeList().map((d) => d.certificatePem),
      (deviceId) => trusted.active(deviceId) !== undefined && this.benchedUntil(deviceId) === undefined,
      ({ socket, deviceId }) => this.register(socket, deviceId, 'in'),
    )
    this.port = await this.listener.listen(port, host)
    return this.port
  }

  /** Dials every pinned device that has an address, and keeps redialling with backoff. */
  startDialing(): void {
    for (const device of this.options.trusted.activeList()) if (device.addresses.length > 0) this.scheduleDial(device.deviceId, 0)
  }

  /**
   * Until when a device cut off for misbehaving (a malformed, oversized or foreign message, a
   * wrong PeerId) is refused, or undefined if it is not. Meanwhile its handshakes are dropped at
   * the upgrade and nothing dials it; afterwards it may link again and is checked as before. A
   * person's explicit Connect… (`connectTo`) lifts it; revoking is the lasting remedy.
   */
  benchedUntil(deviceId: string, now = Date.now()): number | undefined {
    const bench = this.benched.get(deviceId)
    return bench && bench.until > now ? bench.until : undefined
  }

  /** Connects to a pinned device at a typed host:port now; remembers the address if it works. */
  async connectTo(deviceId: string, address: string): Promise<void> {
    const device = this.options.trusted.active(deviceId)
    if (!device) throw new Error('This device is not paired.')
    const bench = this.benched.get(deviceId)
    if (bench) bench.until = 0
    if (this.connections.has(deviceId)) return
    const socket = await dialDevice(this.options.identity, device, address)
    this.options.trusted.setAddresses(deviceId, [address, ...device.addresses.filter((a) => a !== address)].slice(0, 8))
    this.register(socket, deviceId, 'out')
  }

  /** Resolves true once a link to the device is up (handshake done), false after `timeoutMs`. */
  async waitForLink(deviceId: string, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs
    while (!this.isConnected(deviceId)) {
      if (this.stopped || Date.now() > deadline) return false
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    return true
  }

  /**
   * An untrusted hint (an mDNS answer) that a pinned device may be at `address`: dials it now
   * unless already linked or a hint dial to it is under way. The TLS handshake decides whether it
   * is really that device; only after a link is up is the address remembered. A hinted address
   * that fails waits the usual backoff before it is tried again, so a stream of false answers
   * cannot make this device dial in a loop. Resolves 'linked', 'failed' (dialled, no link: not
   * the device, unreachable, or the other side's link won) or 'skipped' (not dialled).
   */
  async hint(deviceId: string, address: string): Promise<'linked' | 'failed' | 'skipped'> {
    const device = this.options.trusted.active(deviceId)
    if (this.stopped || !device || this.connections.has(deviceId) || this.hintDialing.has(deviceId) || !isHostPort(address) || this.benchedUntil(deviceId) !== undefined) return 'skipped'
    const key = `${deviceId} ${address}`
    const failed = this.hintBackoff.get(key)
    if (failed && Date.now() < failed.notBefore) return 'skipped'
    this.hintDialing.add(deviceId)
    try {
      const socket = await dialDevice(this.options.identity, device, address)
      if (this.stopped || !this.options.trusted.active(deviceId)) {
        socket.terminate()
        return 'failed'
      }
      this.hintBackoff.delete(key)
      const current = this.options.trusted.active(deviceId)!.addresses
      this.options.trusted.setAddresses(deviceId, [address, ...current.filter((a) => a !== address)].slice(0, 8))
      this.register(socket, deviceId, 'out')
      return this.connections.get(deviceId)?.socket === socket ? 'linked' : 'failed'
    } catch {
      const attempt = (failed?.attempt ?? 0) + 1
      if (this.hintBackoff.size >= 1_000) this.hintBackoff.delete(this.hintBackoff.keys().next().value!)
      this.hintBackoff.set(key, { attempt, notBefore: Date.now() + backoffDelay(this.options.backoff ?? defaultBackoff, attempt - 1, this.options.random) })
      return 'failed'
    } finally {
      this.hintDialing.delete(deviceId)
    }
  }

  isConnected(deviceId: string): boolean {
    return this.connections.get(deviceId)?.adapter.connectedPeerId !== undefined
  }

  status(): SyncStatus {
    return {
      deviceId: this.deviceId,
      listening: this.port === undefined ? null : { port: this.port },
      connections: [...this.connections.values()].map(({ deviceId, direction, since }) => ({ deviceId, direction, since })),
      refusedHandshakes: this.listener?.refusedHandshakes ?? 0,
      cutOff: [...this.cutOffLog],
    }
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.stopWatchingTrust?.()
    this.stopWatchingTrust = undefined
    for (const state of this.dialing.values()) clearTimeout(state.timer)
    this.dialing.clear()
    for (const connection of [...this.connections.values()]) connection.adapter.disconnect()
    await this.listener?.close()
  }

  private register(socket: WebSocket, deviceId: string, direction: 'in' | 'out'): void {
    if (this.stopped) {
      socket.terminate()
      return
    }
    const existing = this.connections.get(deviceId)
    if (existing) {
      // Both ends apply the same rule, so they keep the same link: a redial from the same side
      // replaces the old link (it may be half-open); between two dialers, the smaller id's link wins.
      const dialerOf = (d: 'in' | 'out') => (d === 'out' ? this.deviceId : deviceId)
      const keepNew = dialerOf(existing.direction) === dialerOf(direction) || dialerOf(direction) < dialerOf(existing.direction)
      if (!keepNew) {
        socket.close(closeCodes.replaced, 'a link to this device already exists')
        return
      }
      existing.adapter.cutOff(closeCodes.replaced, 'replaced by a newer link')
    }
    const adapter = new PeerSocketAdapter(socket, direction === 'out' ? 'dialer' : 'listener', peerIdOfDevice(deviceId), (reason, code) => {
      this.cutOffLog.push({ deviceId, reason, at: Date.now() })
      if (this.cutOffLog.length > 50) this.cutOffLog.shift()
      if (code === closeCodes.protocol || code === closeCodes.wrongPeerId) this.bench(deviceId)
    })
    let alive = true
    socket.on('pong', () => (alive = true))
    const keepAlive = setInterval(() => {
      if (!alive) socket.terminate()
      alive = false
      socket.ping()
    }, this.options.keepAliveMs ?? 30_000)
    const connection: Connection = { deviceId, direction, since: Date.now(), socket, adapter, keepAlive }
    this.connections.set(deviceId, connection)
    adapter.on('peer-candidate', () => this.options.trusted.markSeen(deviceId))
    adapter.on('close', () => this.onClosed(connection))
    this.options.repo.networkSubsystem.addNetworkAdapter(adapter)
  }

  private onClosed(connection: Connection): void {
    clearInterval(connection.keepAlive)
    if (this.connections.get(connection.deviceId) !== connection) return
    this.connections.delete(connection.deviceId)
    if (this.stopped) return
    const device = this.options.trusted.active(connection.deviceId)
    if (!device || device.addresses.length === 0) return
    const stable = Date.now() - connection.since >= (this.options.backoff ?? defaultBackoff).stableMs
    const state = this.dialing.get(connection.deviceId)
    this.scheduleDial(connection.deviceId, stable || !state ? 0 : state.attempt)
  }

  private bench(deviceId: string): void {
    const { initialMs, maxMs } = this.options.misbehaviourCooldown ?? defaultMisbehaviourCooldown
    const strikes = (this.benched.get(deviceId)?.strikes ?? 0) + 1
    this.benched.set(deviceId, { strikes, until: Date.now() + Math.min(maxMs, initialMs * 2 ** Math.min(strikes - 1, 30)) })
  }

  private scheduleDial(deviceId: string, attempt: number): void {
    // A dial still in flight when the service stopped must not leave a timer behind (its store may be closed).
    if (this.stopped) return
    const state = this.dialing.get(deviceId) ?? { attempt }
    clearTimeout(state.timer)
    state.attempt = attempt
    this.dialing.set(deviceId, state)
    const backoff = attempt === 0 ? 0 : backoffDelay(this.options.backoff ?? defaultBackoff, attempt - 1, this.options.random)
    const delay = Math.max(backoff, (this.benchedUntil(deviceId) ?? 0) - Date.now())
    state.timer = setTimeout(() => void this.dial(deviceId), delay)
  }

  private async dial(deviceId: string): Promise<void> {
    if (this.stopped) return
    const device = this.options.trusted.active(deviceId)
    if (!device || this.connections.has(deviceId)) return
    for (const address of device.addresses) {
      try {
        const socket = await dialDevice(this.options.identity, device, address)
        if (this.stopped) {
          socket.terminate()
          return
        }
        this.register(socket, deviceId, 'out')
        return
      } catch {
        // Try the next address; the device may be elsewhere today.
      }
    }
    this.scheduleDial(deviceId, (this.dialing.get(deviceId)?.attempt ?? 0) + 1)
  }

  private trustChanged(): void {
    const { trusted } = this.options
    this.listener?.trust(trusted.activeList().map((d) => d.certificatePem))
    for (const connection of [...this.connections.values()]) {
      if (!trusted.active(connection.deviceId)) connection.adapter.cutOff(closeCodes.revoked, 'device no longer trusted')
    }
  }
}

function isHostPort(address: string): boolean {
  const colon = address.lastIndexOf(':')
  const port = Number(address.slice(colon + 1))
  return colon > 0 && address.length <= 300 && Number.isInteger(port) && port >= 1 && port <= 65_535
}
