import { createHash, randomBytes } from 'node:crypto'
import { cbor, NetworkAdapter, type Message, type PeerId, type PeerMetadata } from '@automerge/automerge-repo'
import { WebSocket } from 'ws'
import { backoffDelay, defaultBackoff, type BackoffPolicy } from './backoff'
import { closeCodes } from './PeerSocketAdapter'

export type RelayState = 'connecting' | 'connected' | 'offline'

export interface RelayConnectionStatus {
  url: string
  state: RelayState
  /** Since when the state holds (ms since the epoch). */
  since: number
  lastError: string | null
  /** Connection attempts since the adapter started. */
  attempts: number
}

export interface RelayClientOptions {
  backoff?: BackoffPolicy
  /** Frames above this are refused by the socket (it closes with 1009). */
  maxMessageBytes?: number
  /** How long the relay has to answer the WebSocket upgrade and then our join. */
  handshakeTimeoutMs?: number
  /** How often the link is pinged; one missed pong closes it. */
  keepAliveMs?: number
  random?: () => number
  onStatus?: (status: RelayConnectionStatus) => void
}

const protocolVersion = '1'
export const defaultRelayMaxMessageBytes = 64 * 1024 * 1024

/**
 * A connection to a stock automerge-repo sync server (a relay), as one long-lived automerge-repo
 * network adapter. It speaks the stock WebSocket protocol (join → peer, then CBOR messages) but,
 * unlike the stock client adapter, never throws: TLS failures, refused connections, oversized or
 * malformed frames end the socket, are recorded as the last error, and the adapter redials with
 * capped backoff.
 *
 * The relay is a stranger, so ids are rewritten at this boundary: the Repo sees the relay as one
 * fixed PeerId of our choosing (`relay-…`, whatever the server calls itself, so it can never pass
 * for a device), and the relay sees us under a random id per connection, never our device id.
 * SyncAccess then lets that PeerId sync only the documents marked for relay.
 */
export class RelayClientAdapter extends NetworkAdapter {
  readonly relayPeerId: PeerId
  private socket: WebSocket | undefined
  private serverPeerId: string | undefined
  private wireId = ''
  private connected = false
  private stopped = true
  private attempt = 0
  private openedAt = 0
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private joinTimer: ReturnType<typeof setTimeout> | undefined
  private keepAlive: ReturnType<typeof setInterval> | undefined
  private readyNow = false
  private markReady!: () => void
  private readonly ready: Promise<void>
  private current: RelayConnectionStatus

  constructor(
    readonly url: string,
    private readonly options: RelayClientOptions = {},
  ) {
    super()
    this.relayPeerId = `relay-${createHash('sha256').update(url).digest('hex').slice(0, 16)}` as PeerId
    this.ready = new Promise((resolve) => (this.markReady = resolve))
    this.current = { url, state: 'offline', since: Date.now(), lastError: null, attempts: 0 }
  }

  isReady(): boolean {
    return this.readyNow
  }

  whenReady(): Promise<void> {
    return this.ready
  }

  status(): RelayConnectionStatus {
    return { ...this.current }
  }

  connect(peerId: PeerId, peerMetadata?: PeerMetadata): void {
    this.peerId = peerId
    this.peerMetadata = peerMetadata ?? {}
    if (!this.stopped) return
    this.stopped = false
    // A relay that is slow or down must not hold up the Repo deciding a document is unavailable.
    setTimeout(() => this.forceReady(), 1_000).unref()
    this.dial()
  }

  send(message: Message): void {
    if (!this.connected || !this.socket || message.targetId !== this.relayPeerId) return
    this.write({ ...message, senderId: this.wireId, targetId: this.serverPeerId })
  }

  /** Stops for good (until connect is called again): closes the socket, cancels any redial. */
  disconnect(): void {
    if (this.stopped) return
    this.stopped = true
    clearTimeout(this.retryTimer)
    this.drop(1000, 'disconnected')
    this.setState('offline')
  }

  private dial(): void {
    if (this.stopped) return
    this.current.attempts++
    this.setState('connecting')
    this.wireId = `staffroom-${randomBytes(12).toString('hex')}`
    let socket: WebSocket
    try {
      socket = new WebSocket(this.url, {
        maxPayload: this.options.maxMessageBytes ?? defaultRelayMaxMessageBytes,
        handshakeTimeout: this.options.handshakeTimeoutMs ?? 10_000,
        perMessageDeflate: false,
      })
    } catch (error) {
      this.failed(error)
      return
    }
    this.socket = socket
    socket.binaryType = 'nodebuffer'
    socket.on('open', () => {
      if (this.socket !== socket) return
      this.openedAt = Date.now()
      this.write({ type: 'join', senderId: this.wireId, peerMetadata: this.peerMetadata, supportedProtocolVersions: [protocolVersion] })
      this.joinTimer = setTimeout(() => this.fail(socket, closeCodes.protocol, 'the relay did not answer'), this.options.handshakeTimeoutMs ?? 10_000)
      let alive = true
      socket.on('pong', () => (alive = true))
      this.keepAlive = setInterval(() => {
        if (!alive) return this.fail(socket, 1001, 'the relay stopped answering')
        alive = false
        socket.ping()
      }, this.options.keepAliveMs ?? 30_000)
    })
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (this.socket === socket) this.receive(socket, data, isBinary)
    })
    let errored = false
    socket.on('error', (error) => {
      if (this.socket !== socket) return
      errored = true
      this.current.lastError = describe(error)
    })
    socket.on('close', (code, reason) => {
      if (this.socket !== socket) return
      if (!errored) this.current.lastError = code === 1000 || code === 1005 ? 'the relay closed the connection' : `the relay closed the connection (${code}${reason.length ? `: ${reason.toString('utf8').slice(0, 120)}` : ''})`
      this.closed()
    })
  }

  private receive(socket: WebSocket, data: Buffer, isBinary: boolean): void {
    let message: Record<string, unknown>
    try {
      if (!isBinary) throw new Error('text frame')
      message = cbor.decode(data)
      if (typeof message !== 'object' || message === null || Array.isArray(message) || typeof message.type !== 'string') throw new Error('not a message')
    } catch {
      return this.fail(socket, closeCodes.protocol, 'the relay sent a malformed message')
    }
    if (!this.connected) {
      if (message.type === 'error') return this.fail(socket, closeCodes.protocol, `the relay refused: ${String(message.message).slice(0, 120)}`)
      if (message.type !== 'peer' || typeof message.senderId !== 'string' || message.senderId.length > 200 || message.targetId !== this.wireId) {
        return this.fail(socket, closeCodes.protocol, 'the relay did not answer as a sync server')
      }
      clearTimeout(this.joinTimer)
      this.serverPeerId = message.senderId
      this.connected = true
      this.current.lastError = null
      this.setState('connected')
      this.forceReady()
      const metadata = typeof message.peerMetadata === 'object' && message.peerMetadata !== null ? (message.peerMetadata as PeerMetadata) : {}
      this.emit('peer-candidate', { peerId: this.relayPeerId, peerMetadata: metadata })
      return
    }
    if (message.type === 'error') {
      this.current.lastError = `the relay reported: ${String(message.message).slice(0, 120)}`
      return
    }
    // The server forwards other clients' ephemeral messages (presence) under their own ids; they
    // are relayed content, so they are accepted and, like everything here, come from the relay's id.
    const forwardedEphemeral = message.type === 'ephemeral' && typeof message.senderId === 'string'
    if (message.type === 'join' || message.type === 'peer' || (message.senderId !== this.serverPeerId && !forwardedEphemeral) || message.targetId !== this.wireId) {
      return this.fail(socket, closeCodes.protocol, 'the relay sent a message out of protocol')
    }
    this.emit('message', { ...message, senderId: this.relayPeerId, targetId: this.peerId } as unknown as Message)
  }

  private write(message: object): void {
    const socket = this.socket
    if (!socket || socket.readyState !== WebSocket.OPEN) return
    socket.send(cbor.encode(message))
  }

  private fail(socket: WebSocket, code: number, reason: string): void {
    if (this.socket !== socket) return
    this.current.lastError = reason
    this.drop(code, reason)
    this.closed()
  }

  private failed(error: unknown): void {
    this.current.lastError = describe(error)
    this.closed()
  }

  /** Closes the socket without waiting for the relay; the close event is ignored from here on. */
  private drop(code: number, reason: string): void {
    const socket = this.socket
    this.socket = undefined
    clearTimeout(this.joinTimer)
    clearInterval(this.keepAlive)
    if (this.connected) {
      this.connected = false
      this.emit('peer-disconnected', { peerId: this.relayPeerId })
    }
    if (!socket) return
    socket.removeAllListeners('message')
    socket.on('error', () => undefined)
    try {
      if (socket.readyState === WebSocket.OPEN) socket.close(code, reason.slice(0, 120))
      else socket.terminate()
    } catch {
      socket.terminate()
    }
    setTimeout(() => socket.terminate(), 1_000).unref()
  }

  /** The socket is gone: tell the Repo, and redial after the backoff unless we were stopped. */
  private closed(): void {
    const wasUp = this.openedAt > 0 && Date.now() - this.openedAt >= (this.options.backoff ?? defaultBackoff).stableMs
    this.drop(1000, 'closed')
    this.openedAt = 0
    this.forceReady()
    if (this.stopped) return
    this.setState('offline')
    this.attempt = wasUp ? 0 : this.attempt + 1
    const delay = backoffDelay(this.options.backoff ?? defaultBackoff, Math.max(0, this.attempt - 1), this.options.random)
    clearTimeout(this.retryTimer)
    this.retryTimer = setTimeout(() => this.dial(), delay)
  }

  private setState(state: RelayState): void {
    if (this.current.state === state) return
    this.current = { ...this.current, state, since: Date.now() }
    this.options.onStatus?.(this.status())
  }

  private forceReady(): void {
    if (this.readyNow) return
    this.readyNow = true
    this.markReady()
  }
}

function describe(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : ''
  const message = error instanceof Error ? error.message : String(error)
  return (code && !message.includes(code) ? `${code}: ${message}` : message).slice(0, 200)
}
