import { cbor, NetworkAdapter, type Message, type PeerId, type PeerMetadata } from '@automerge/automerge-repo'
import type { WebSocket } from 'ws'
import { whyUnusable } from './peerMessageShape'

/** Close codes a peer sees when we cut it off (4000–4999 are the application's to define). */
export const closeCodes = {
  wrongPeerId: 4001,
  protocol: 4002,
  replaced: 4003,
  revoked: 4004,
} as const

const protocolVersion = '1'

type Role = 'dialer' | 'listener'

/**
 * One authenticated connection to one device, as an automerge-repo network adapter. TLS has
 * already proved which device is on the other end; this checks that everything the peer says
 * matches it: its join/peer message must carry the PeerId bound to that device id, and every
 * later message must come from that PeerId, be meant for us and have a shape automerge-repo can
 * use (`whyUnusable`). Anything else ends the link.
 * Speaks the wire protocol of automerge-repo's WebSocket adapters (join → peer, then CBOR
 * messages), so the two ends stay compatible with the stock adapters' framing.
 */
export class PeerSocketAdapter extends NetworkAdapter {
  private remotePeerId: PeerId | undefined
  private closed = false
  private readonly ready: Promise<void>
  private markReady!: () => void
  private isReadyNow = false

  constructor(
    private readonly socket: WebSocket,
    private readonly role: Role,
    /** The PeerId the verified certificate entitles the other end to. */
    readonly expectedPeerId: PeerId,
    /** Told when this end cuts the link (not for a plain disconnect), with the close code. */
    private readonly onCutOff: (reason: string, code: number) => void = () => undefined,
  ) {
    super()
    this.ready = new Promise((resolve) => (this.markReady = resolve))
    socket.binaryType = 'nodebuffer'
    socket.on('message', (data: Buffer, isBinary: boolean) => this.receive(data, isBinary))
    socket.on('close', () => this.onSocketClosed())
    socket.on('error', (error: Error & { code?: string }) => {
      // ws reports a frame it refused (over maxPayload, bad opcode, unmasked, invalid UTF-8) as an
      // error with a WS_ERR_ code and closes the link itself: that is the peer misbehaving too.
      if (!this.closed && error.code?.startsWith('WS_ERR_')) this.onCutOff(`refused frame (${error.code})`, closeCodes.protocol)
      this.onSocketClosed()
    })
  }

  isReady(): boolean {
    return this.isReadyNow
  }

  whenReady(): Promise<void> {
    return this.ready
  }

  connect(peerId: PeerId, peerMetadata?: PeerMetadata): void {
    this.peerId = peerId
    this.peerMetadata = peerMetadata ?? {}
    if (this.role === 'dialer') this.write({ type: 'join', senderId: peerId, peerMetadata: this.peerMetadata, supportedProtocolVersions: [protocolVersion] })
  }

  send(message: Message): void {
    if (this.closed || !this.remotePeerId || message.targetId !== this.remotePeerId) return
    // automerge-repo forwards an ephemeral message (presence) with its first sender's id, a page
    // of ours the peer cannot know; on this link everything we send is from this device.
    this.write(message.senderId === this.peerId ? message : { ...message, senderId: this.peerId })
  }

  disconnect(): void {
    this.cutOff(1000, 'disconnected')
  }

  get connectedPeerId(): PeerId | undefined {
    return this.remotePeerId
  }

  /** Ends the link with a code the other end can read; emits peer-disconnected once. */
  cutOff(code: number, reason: string): void {
    if (this.closed) return
    if (code !== 1000) this.onCutOff(reason, code)
    this.socket.close(code, reason.slice(0, 120))
    this.onSocketClosed()
  }

  private write(message: object): void {
    if (this.socket.readyState !== this.socket.OPEN) return
    this.socket.send(cbor.encode(message))
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.closed) return
    let message: Record<string, unknown>
    try {
      if (!isBinary) throw new Error('text frame')
      message = cbor.decode(data)
      if (typeof message !== 'object' || message === null || typeof message.type !== 'string') throw new Error('not a message')
    } catch {
      this.cutOff(closeCodes.protocol, 'malformed message')
      return
    }
    if (message.senderId !== this.expectedPeerId) {
      this.cutOff(closeCodes.wrongPeerId, 'peer id does not match the certificate')
      return
    }
    if (!this.remotePeerId) this.handshake(message)
    else if (message.type === 'join' || message.type === 'peer') this.cutOff(closeCodes.protocol, 'second handshake')
    else if (message.targetId !== this.peerId) this.cutOff(closeCodes.protocol, 'message for another peer')
    else {
      const unusable = whyUnusable(message)
      if (unusable) this.cutOff(closeCodes.protocol, unusable)
      else this.emit('message', message as unknown as Message)
    }
  }

  private handshake(message: Record<string, unknown>): void {
    const expected = this.role === 'listener' ? 'join' : 'peer'
    if (message.type !== expected) {
      this.cutOff(closeCodes.protocol, `expected ${expected}`)
      return
    }
    if (this.role === 'listener') {
      const versions = message.supportedProtocolVersions
      if (!Array.isArray(versions) || !versions.includes(protocolVersion)) {
        this.cutOff(closeCodes.protocol, 'unsupported protocol version')
        return
      }
      this.write({ type: 'peer', senderId: this.peerId, peerMetadata: this.peerMetadata, selectedProtocolVersion: protocolVersion, targetId: this.expectedPeerId })
    }
    this.remotePeerId = this.expectedPeerId
    this.isReadyNow = true
    this.markReady()
    const metadata = typeof message.peerMetadata === 'object' && message.peerMetadata !== null ? (message.peerMetadata as PeerMetadata) : {}
    this.emit('peer-candidate', { peerId: this.expectedPeerId, peerMetadata: metadata })
  }

  private onSocketClosed(): void {
    if (this.closed) return
    this.closed = true
    this.isReadyNow = true
    this.markReady()
    if (this.remotePeerId) this.emit('peer-disconnected', { peerId: this.remotePeerId })
    this.emit('close')
  }
}
