import { X509Certificate } from 'node:crypto'
import type { DeviceIdentity } from './DeviceIdentityStore'
import { deviceIdOfCertificate } from './deviceId'

/** Sync messages of a large shared document can be big; a hostile peer's bigger ones are refused. */
export const maxSyncMessageBytes = 128 * 1024 * 1024

/**
 * TLS 1.3 with this device's certificate, trusting exactly the given certificates: a self-signed
 * certificate listed in `ca` is its own trust anchor, so OpenSSL refuses any other one during the
 * handshake. Our own certificate is always listed so `ca` is never empty (an empty list would mean
 * the public roots).
 */
export function tlsTrusting(identity: DeviceIdentity, trusted: string[]) {
  return {
    key: identity.privateKeyPem,
    cert: identity.certificatePem,
    ca: [identity.certificatePem, ...trusted],
    minVersion: 'TLSv1.3' as const,
    maxVersion: 'TLSv1.3' as const,
  }
}

/** The device id the TLS peer proved, or undefined if it presented no certificate. */
export function deviceIdOfPeerCertificate(raw: Buffer | undefined): string | undefined {
  if (!raw || raw.length === 0) return undefined
  return deviceIdOfCertificate(new X509Certificate(raw))
}
