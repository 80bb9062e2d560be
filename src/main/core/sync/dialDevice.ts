import { X509Certificate } from 'node:crypto'
import type { PeerCertificate } from 'node:tls'
import { WebSocket } from 'ws'
import type { DeviceIdentity } from './DeviceIdentityStore'
import { deviceIdOfCertificate } from './deviceId'
import { maxSyncMessageBytes, tlsTrusting } from './tlsOptions'

export class DialError extends Error {}

/**
 * Opens a TLS 1.3 WebSocket to `address` (host:port) and resolves once it is open, only if the
 * server proved it holds the pinned certificate of `deviceId` (host names mean nothing here:
 * an mDNS answer or a typed address only says where to knock).
 */
export function dialDevice(identity: DeviceIdentity, device: { deviceId: string; certificatePem: string }, address: string, timeoutMs = 10_000): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`wss://${address}/`, {
      ...tlsTrusting(identity, [device.certificatePem]),
      // The certificate is checked by fingerprint, not by name.
      // ws types this option after an old signature; it goes to tls.connect as is.
      checkServerIdentity: ((_host: string, cert: PeerCertificate) =>
        deviceIdOfCertificate(new X509Certificate(cert.raw)) === device.deviceId
          ? undefined
          : new DialError('The device at this address is not the one that was paired.')) as never,
      maxPayload: maxSyncMessageBytes,
      handshakeTimeout: timeoutMs,
      perMessageDeflate: false,
    })
    const fail = (error: Error) => {
      socket.removeAllListeners('open')
      socket.terminate()
      reject(error instanceof DialError ? error : new DialError(`Could not reach ${address}: ${error.message}`))
    }
    socket.once('error', fail)
    socket.once('unexpected-response', (_request, response) => fail(new DialError(`${address} answered HTTP ${response.statusCode}, not Staffroom sync.`)))
    socket.once('open', () => {
      socket.off('error', fail)
      resolve(socket)
    })
  })
}
