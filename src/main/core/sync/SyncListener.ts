import { createServer, type Server } from 'node:https'
import type { TLSSocket } from 'node:tls'
import type { Duplex } from 'node:stream'
import type { IncomingMessage } from 'node:http'
import { WebSocketServer, type WebSocket } from 'ws'
import type { DeviceIdentity } from './DeviceIdentityStore'
import { deviceIdOfPeerCertificate, maxSyncMessageBytes, tlsTrusting } from './tlsOptions'
import { listenOn } from '../net/listenOn'

export interface AcceptedSocket {
  socket: WebSocket
  deviceId: string
}

/**
 * Accepts sync connections over TLS 1.3 with mutual authentication. Only certificates in the
 * trusted list pass the handshake; the upgrade then checks the proved device id once more
 * against the live trust list (a device revoked a moment ago is refused).
 */
export class SyncListener {
  private readonly server: Server
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: maxSyncMessageBytes })
  /** Handshakes refused by TLS (unknown certificate, no certificate, not TLS 1.3): for status and tests. */
  refusedHandshakes = 0

  constructor(
    private readonly identity: DeviceIdentity,
    trustedCertificates: string[],
    private readonly isTrusted: (deviceId: string) => boolean,
    private readonly onSocket: (accepted: AcceptedSocket) => void,
  ) {
    this.server = createServer({ ...tlsTrusting(identity, trustedCertificates), requestCert: true, rejectUnauthorized: true })
    this.server.on('tlsClientError', () => this.refusedHandshakes++)
    this.server.on('request', (_request, response) => {
      response.writeHead(426, { 'content-type': 'text/plain' }).end('Staffroom sync speaks WebSocket only.\n')
    })
    this.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(request, socket, head))
  }

  /** Replaces the trusted certificates for new handshakes (after a pin or a revoke). */
  trust(certificates: string[]): void {
    this.server.setSecureContext(tlsTrusting(this.identity, certificates))
  }

  listen(port: number, host: string): Promise<number> {
    return listenOn(this.server, port, host)
  }

  close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate()
    this.wss.close()
    return new Promise((resolve) => {
      this.server.close(() => resolve())
      this.server.closeAllConnections()
    })
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const tls = request.socket as TLSSocket
    const deviceId = tls.authorized ? deviceIdOfPeerCertificate(tls.getPeerCertificate(false)?.raw) : undefined
    if (!deviceId || !this.isTrusted(deviceId)) {
      socket.destroy()
      return
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.onSocket({ socket: ws, deviceId }))
  }
}
