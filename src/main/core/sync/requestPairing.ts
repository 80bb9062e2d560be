import { X509Certificate } from 'node:crypto'
import { request } from 'node:https'
import type { PeerCertificate } from 'node:tls'
import type { DeviceIdentity } from './DeviceIdentityStore'
import { deviceIdOfCertificate } from './deviceId'

export class PairingUnreachable extends Error {}

/**
 * POSTs to an inviter's pairing door at `address`, presenting this device's certificate, and
 * sends the secret only once the server has proved it is the invite's device.
 */
export function requestPairing(identity: DeviceIdentity, inviterDeviceId: string, address: string, body: object, timeoutMs = 10_000): Promise<{ status: number; body: Record<string, unknown> }> {
  const [host, port] = splitHostPort(address)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host,
        port,
        method: 'POST',
        path: '/pair',
        key: identity.privateKeyPem,
        cert: identity.certificatePem,
        // Any certificate may answer the handshake; the check below decides, before a byte of the body is sent.
        rejectUnauthorized: false,
        minVersion: 'TLSv1.3',
        headers: { 'content-type': 'application/json' },
        timeout: timeoutMs,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> })
          } catch {
            reject(new PairingUnreachable(`${address} did not answer as a Staffroom device.`))
          }
        })
      },
    )
    req.on('socket', (socket) => {
      socket.once('secureConnect', () => {
        const cert = (socket as unknown as { getPeerCertificate(detailed: boolean): PeerCertificate }).getPeerCertificate(false)
        if (!cert?.raw || deviceIdOfCertificate(new X509Certificate(cert.raw)) !== inviterDeviceId) {
          req.destroy(new PairingUnreachable(`The device at ${address} is not the one that made this invite.`))
          return
        }
        req.end(JSON.stringify(body))
      })
    })
    req.on('timeout', () => req.destroy(new PairingUnreachable(`${address} did not answer in time.`)))
    req.on('error', (error) => reject(error instanceof PairingUnreachable ? error : new PairingUnreachable(`Could not reach ${address}: ${error.message}`)))
  })
}

function splitHostPort(address: string): [string, number] {
  const at = address.lastIndexOf(':')
  return [address.slice(0, at).replace(/^\[|\]$/g, ''), Number(address.slice(at + 1))]
}
