import { cbor, type PeerId } from '@automerge/automerge-repo'
import { WebSocket } from 'ws'
import type { DeviceIdentity } from '../../../src/main/core/sync/DeviceIdentityStore'
import { peerIdOfDevice } from '../../../src/main/core/sync/deviceId'
import { tlsTrusting } from '../../../src/main/core/sync/tlsOptions'

export interface SocketEnd {
  code: number
  reason: string
}

/**
 * A paired device's end of a sync link, written by hand so it can say anything: real TLS 1.3 with
 * the device's certificate to A's sync listener on 127.0.0.1, then whatever frames the test gives.
 */
export class HostileSocket {
  readonly ended: Promise<SocketEnd>
  /** Frames A sent us, decoded where they were CBOR. */
  readonly received: unknown[] = []
  private endedWith: SocketEnd | undefined

  private constructor(readonly socket: WebSocket) {
    this.ended = new Promise((resolve) => {
      socket.once('close', (code, reason) => resolve((this.endedWith = { code, reason: reason.toString() })))
    })
    socket.on('error', () => undefined)
    socket.on('message', (data: Buffer) => {
      try {
        this.received.push(cbor.decode(data))
      } catch {
        this.received.push(data)
      }
    })
  }

  /** Opens the link; rejects if TLS or the upgrade refuse it. */
  static open(identity: DeviceIdentity, serverCertificatePem: string, port: number, tlsOverrides: Record<string, unknown> = {}): Promise<HostileSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`wss://127.0.0.1:${port}/`, {
        ...tlsTrusting(identity, [serverCertificatePem]),
        ...tlsOverrides,
        checkServerIdentity: (() => undefined) as never,
        perMessageDeflate: false,
        handshakeTimeout: 5_000,
      })
      socket.once('open', () => resolve(new HostileSocket(socket)))
      socket.once('error', reject)
      socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)))
    })
  }

  get isOpen(): boolean {
    return this.endedWith === undefined && this.socket.readyState === WebSocket.OPEN
  }

  /** The stock join handshake as the device the certificate proves; resolves once A answered `peer`. */
  async join(identity: DeviceIdentity): Promise<PeerId> {
    const peerId = peerIdOfDevice(identity.deviceId)
    this.send(cbor.encode({ type: 'join', senderId: peerId, peerMetadata: { isEphemeral: true }, supportedProtocolVersions: ['1'] }))
    const deadline = Date.now() + 5_000
    while (!this.received.some((m) => (m as { type?: string } | undefined)?.type === 'peer')) {
      if (!this.isOpen || Date.now() > deadline) throw new Error('A did not answer the join')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    return peerId
  }

  send(frame: Uint8Array | string): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(frame, { binary: typeof frame !== 'string' })
  }

  /** Writes raw bytes under the WebSocket layer (a frame header that lies about its length, a cut frame). */
  writeRaw(bytes: Uint8Array): void {
    const tls = (this.socket as unknown as { _socket?: { write(b: Uint8Array): void } })._socket
    tls?.write(bytes)
  }

  /** Resolves with how the link ended, or undefined if it is still open after `ms`. */
  async endWithin(ms: number): Promise<SocketEnd | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined
    const result = await Promise.race([this.ended, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))])
    clearTimeout(timer)
    return result
  }

  close(): void {
    this.socket.terminate()
  }
}

/** A masked client frame header (RFC 6455) for a binary frame claiming `length` bytes, then the mask key. */
export function frameHeader(length: number, fin = true): Buffer {
  const first = (fin ? 0x80 : 0) | 0x2
  const mask = Buffer.from([1, 2, 3, 4])
  if (length < 126) return Buffer.concat([Buffer.from([first, 0x80 | length]), mask])
  if (length < 65_536) {
    const header = Buffer.alloc(4)
    header.writeUInt8(first, 0)
    header.writeUInt8(0x80 | 126, 1)
    header.writeUInt16BE(length, 2)
    return Buffer.concat([header, mask])
  }
  const header = Buffer.alloc(10)
  header.writeUInt8(first, 0)
  header.writeUInt8(0x80 | 127, 1)
  header.writeBigUInt64BE(BigInt(length), 2)
  return Buffer.concat([header, mask])
}
