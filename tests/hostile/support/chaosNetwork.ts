import { cbor, type Message, type Repo } from '@automerge/automerge-repo'
import { ChaosAdapter, type ChaosWire } from './chaosAdapter'

interface Connection {
  live: boolean
  ends: [ChaosAdapter, ChaosAdapter]
}

interface Link {
  names: [string, string]
  up: boolean
  connection?: Connection
}

interface InFlight {
  seq: number
  connection: Connection
  to: ChaosAdapter
  /** "from>to": order is kept per direction unless the scheduler reorders. */
  direction: string
  /** Encoded as on the wire, so sender and receiver never share an object. */
  bytes: Uint8Array
  /** A duplicate already; it is not copied again. */
  copy: boolean
}

export interface ChaosFigures {
  sent: number
  delivered: number
  dropped: number
  duplicated: number
  reordered: number
  cuts: number
  heals: number
  connections: number
}

export interface DeliveryChoice {
  /** Pick any message in flight, not the oldest of its direction. */
  reorder: boolean
  /** Deliver it and put a copy back in flight (behind everything sent so far), to arrive again later. */
  duplicate: boolean
}

/**
 * A network of cores whose every message waits in flight until a seeded scheduler delivers it
 * (in the manner of Yjs's randomized tests): links between devices are cut and healed, messages
 * are held back, delivered out of order or twice, and lost when their connection ends. Each link
 * up between two online devices is one connection (a ChaosAdapter in each core); a cut or a
 * device going offline ends it and drops what was in flight, as a broken socket does.
 */
export class ChaosNetwork implements ChaosWire {
  private readonly repos = new Map<string, Repo>()
  private readonly links = new Map<string, Link>()
  private readonly connectionOf = new Map<ChaosAdapter, Connection>()
  private inFlight: InFlight[] = []
  private seq = 0
  private autoDelivery = false
  private flushScheduled = false
  readonly figures: ChaosFigures = { sent: 0, delivered: 0, dropped: 0, duplicated: 0, reordered: 0, cuts: 0, heals: 0, connections: 0 }

  /** A device comes online: it connects over every link that is up to every other online device. */
  online(name: string, repo: Repo): void {
    this.repos.set(name, repo)
    for (const other of this.repos.keys()) {
      if (other === name) continue
      const link = this.link(name, other)
      if (link.up) this.connect(link)
    }
  }

  /** A device goes away (before its core shuts down): its connections end, their messages are lost. */
  offline(name: string): void {
    for (const link of this.links.values()) if (link.names.includes(name)) this.endConnection(link)
    this.repos.delete(name)
  }

  cut(a: string, b: string): void {
    const link = this.link(a, b)
    if (link.up) this.figures.cuts++
    link.up = false
    this.endConnection(link)
  }

  heal(a: string, b: string): void {
    const link = this.link(a, b)
    if (!link.up) this.figures.heals++
    link.up = true
    this.connect(link)
  }

  healAll(): void {
    const names = [...this.repos.keys()]
    for (const a of names) for (const b of names) if (a < b) this.heal(a, b)
  }

  /** On: every message is delivered promptly, in order, once (a healthy network). Off: only `deliver` moves messages. */
  setAutoDelivery(on: boolean): void {
    this.autoDelivery = on
    if (on) this.scheduleFlush()
  }

  get pending(): number {
    return this.inFlight.length
  }

  /** Delivers one message chosen by `random`; false when nothing is in flight. */
  deliver(random: () => number, choice: DeliveryChoice): boolean {
    if (this.inFlight.length === 0) return false
    let index: number
    if (choice.reorder) {
      index = Math.floor(random() * this.inFlight.length)
      const picked = this.inFlight[index]!
      if (this.inFlight.findIndex((m) => m.direction === picked.direction) !== index) this.figures.reordered++
    } else {
      // The oldest message of a random direction: directions interleave, each stays in order.
      const directions = [...new Set(this.inFlight.map((m) => m.direction))]
      const direction = directions[Math.floor(random() * directions.length)]
      index = this.inFlight.findIndex((m) => m.direction === direction)
    }
    const [message] = this.inFlight.splice(index, 1) as [InFlight]
    if (choice.duplicate && !message.copy) {
      this.figures.duplicated++
      this.inFlight.push({ ...message, seq: ++this.seq, copy: true })
    }
    this.arrive(message)
    return true
  }

  // ChaosWire: called by the adapters.

  connected(adapter: ChaosAdapter): void {
    const connection = this.connectionOf.get(adapter)
    if (!connection?.live || !connection.ends.every((end) => end.hasConnected)) return
    const [a, b] = connection.ends
    a.announce(b.peerMetadata ?? {})
    b.announce(a.peerMetadata ?? {})
  }

  send(adapter: ChaosAdapter, message: Message): void {
    const connection = this.connectionOf.get(adapter)
    if (!connection?.live) return
    const to = connection.ends[0] === adapter ? connection.ends[1] : connection.ends[0]
    this.figures.sent++
    this.inFlight.push({ seq: ++this.seq, connection, to, direction: `${adapter.local}>${adapter.remote}`, bytes: cbor.encode(message), copy: false })
    if (this.autoDelivery) this.scheduleFlush()
  }

  closed(adapter: ChaosAdapter): void {
    const link = this.links.get(linkKey(adapter.local, adapter.remote))
    if (link && link.connection === this.connectionOf.get(adapter)) this.endConnection(link)
  }

  private link(a: string, b: string): Link {
    const key = linkKey(a, b)
    let link = this.links.get(key)
    if (!link) {
      link = { names: a < b ? [a, b] : [b, a], up: true }
      this.links.set(key, link)
    }
    return link
  }

  private connect(link: Link): void {
    const [a, b] = link.names
    const repoA = this.repos.get(a)
    const repoB = this.repos.get(b)
    if (link.connection || !link.up || !repoA || !repoB) return
    const ends: [ChaosAdapter, ChaosAdapter] = [new ChaosAdapter(this, a, b, repoB.peerId), new ChaosAdapter(this, b, a, repoA.peerId)]
    const connection: Connection = { live: true, ends }
    link.connection = connection
    for (const end of ends) this.connectionOf.set(end, connection)
    this.figures.connections++
    // The way SyncService.register adds a PeerSocketAdapter once TLS has proved the device.
    repoA.networkSubsystem.addNetworkAdapter(ends[0])
    repoB.networkSubsystem.addNetworkAdapter(ends[1])
  }

  private endConnection(link: Link): void {
    const connection = link.connection
    if (!connection) return
    link.connection = undefined
    connection.live = false
    const before = this.inFlight.length
    this.inFlight = this.inFlight.filter((m) => m.connection !== connection)
    this.figures.dropped += before - this.inFlight.length
    for (const end of connection.ends) {
      this.connectionOf.delete(end)
      end.end()
    }
  }

  private arrive(message: InFlight): void {
    if (!message.connection.live) return
    this.figures.delivered++
    message.to.receive(cbor.decode(message.bytes) as Message)
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return
    this.flushScheduled = true
    setImmediate(() => {
      this.flushScheduled = false
      if (!this.autoDelivery) return
      // Messages sent while flushing arrive in a later turn, as over a socket.
      const batch = this.inFlight
      this.inFlight = []
      for (const message of batch) this.arrive(message)
    })
  }
}

function linkKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`
}

