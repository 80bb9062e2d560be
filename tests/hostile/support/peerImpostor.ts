import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { DeviceIdentity } from '../../../src/main/core/sync/DeviceIdentityStore'

/**
 * A man in the middle on 127.0.0.1: a TLS 1.3 server with a certificate of its choosing that
 * takes any client certificate (it wants the handshake to succeed) and counts how far each
 * visitor got: a TCP connection, a finished TLS handshake, an HTTP upgrade (a request with
 * anything sync would send).
 */
export class Impostor {
  connections = 0
  handshakes = 0
  upgrades = 0
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async listen(identity: DeviceIdentity): Promise<Impostor> {
    const server = createServer({ key: identity.privateKeyPem, cert: identity.certificatePem, requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.3' })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const impostor = new Impostor(server, (server.address() as AddressInfo).port)
    server.on('connection', () => impostor.connections++)
    server.on('secureConnection', () => impostor.handshakes++)
    server.on('tlsClientError', () => undefined)
    server.on('upgrade', (_request, socket) => {
      impostor.upgrades++
      socket.destroy()
    })
    server.on('request', (_request, response) => {
      impostor.upgrades++
      response.end()
    })
    return impostor
  }

  get address(): string {
    return `127.0.0.1:${this.port}`
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve())
      this.server.closeAllConnections()
    })
  }
}
