import { createHash, X509Certificate } from 'node:crypto'
import type { PeerId } from '@automerge/automerge-repo'

/**
 * A device id is the SHA-256 of the device certificate (DER), as Syncthing does, written in
 * base32 (A–Z, 2–7: no 0/1/8 to confuse with O/I/B): 52 characters, shown in groups of four.
 * Only the certificate proves an id; anything else that names one (mDNS, a peer's join message)
 * is a claim to check against it.
 */
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const idLength = 52

export function base32(bytes: Uint8Array): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31]
  return out
}

export function deviceIdOfCertificate(certificate: string | X509Certificate): string {
  const cert = typeof certificate === 'string' ? new X509Certificate(certificate) : certificate
  return base32(createHash('sha256').update(cert.raw).digest())
}

/** "ABCD-EFGH-…": how the id is shown and read aloud. */
export function formatDeviceId(deviceId: string): string {
  return deviceId.match(/.{1,4}/g)!.join('-')
}

/** Accepts an id as typed or pasted (any case, dashes or spaces); undefined if it is not one. */
export function parseDeviceId(text: string): string | undefined {
  const id = text.replace(/[\s-]/g, '').toUpperCase()
  return id.length === idLength && [...id].every((c) => alphabet.includes(c)) ? id : undefined
}

const peerPrefix = 'device-'

/** The automerge-repo PeerId a device must use; the transport cuts off a peer that claims another. */
export function peerIdOfDevice(deviceId: string): PeerId {
  return `${peerPrefix}${deviceId}` as PeerId
}

export function deviceIdOfPeer(peerId: string): string | undefined {
  return peerId.startsWith(peerPrefix) ? parseDeviceId(peerId.slice(peerPrefix.length)) : undefined
}
