import { NetworkAdapter, type Message, type PeerId, type PeerMetadata } from '@automerge/automerge-repo'

/** What a chaos adapter needs from the network that owns it. */
export interface ChaosWire {
  /** The adapter's Repo has called connect: the handshake may complete. */
  connected(adapter: ChaosAdapter): void
  /** The Repo hands a message to the wire; the scheduler decides if, when and how often it arrives. */
  send(adapter: ChaosAdapter, message: Message): void
  /** The Repo (or the core's shutdown) closed this end. */
  closed(adapter: ChaosAdapter): void
}

/**
 * One end of one connection between two cores, as an automerge-repo network adapter: the
 * stand-in for PeerSocketAdapter once TLS has proved the device. It announces exactly the
 * remote device's PeerId, so the core's own SyncAccess still decides what that device may sync.
 */
export class ChaosAdapter extends NetworkAdapter {
  private open = true
  private announced = false

  constructor(
    private readonly wire: ChaosWire,
    /** Which device this end lives in, and which it talks to (names in the cluster). */
    readonly local: string,
    readonly remote: string,
    readonly remotePeerId: PeerId,
  ) {
    super()
  }

  isReady(): boolean {
    return true
  }

  whenReady(): Promise<void> {
    return Promise.resolve()
  }

  get isOpen(): boolean {
    return this.open
  }

  get hasConnected(): boolean {
    return this.peerId !== undefined
  }

  connect(peerId: PeerId, peerMetadata?: PeerMetadata): void {
    this.peerId = peerId
    this.peerMetadata = peerMetadata ?? {}
    this.wire.connected(this)
  }

  send(message: Message): void {
    if (this.open && this.announced && message.targetId === this.remotePeerId) this.wire.send(this, message)
  }

  disconnect(): void {
    if (!this.open) return
    this.wire.closed(this)
    this.end()
  }

  /** The handshake finished: the Repo learns of the remote device (with its metadata, as the join message carries it). */
  announce(remoteMetadata: PeerMetadata): void {
    if (!this.open || this.announced) return
    this.announced = true
    this.emit('peer-candidate', { peerId: this.remotePeerId, peerMetadata: remoteMetadata })
  }

  /** A message arrives from the wire. */
  receive(message: Message): void {
    if (this.open && this.announced) this.emit('message', message)
  }

  /** The connection is gone (cut, or the other end closed): tell the Repo once. */
  end(): void {
    if (!this.open) return
    this.open = false
    if (this.announced) this.emit('peer-disconnected', { peerId: this.remotePeerId })
    this.emit('close')
  }
}
