import 'reflect-metadata'
import { KeyObject, webcrypto } from 'node:crypto'
import * as x509 from '@peculiar/x509'

export interface DeviceCertificate {
  certificatePem: string
  privateKeyPem: string
}

const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }
const validYears = 25

/**
 * A fresh ECDSA P-256 key pair and a self-signed certificate for it. Nothing checks the name or
 * dates beyond TLS's own rules: trust comes from pinning the certificate's fingerprint, so the
 * validity is long (a device keeps its id) and the name only helps a human reading it.
 */
export async function createDeviceCertificate(name = 'Staffroom device', now = new Date()): Promise<DeviceCertificate> {
  x509.cryptoProvider.set(webcrypto as never)
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair
  const serial = Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
  serial[0]! &= 0x7f // a positive INTEGER
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString('hex'),
    // The subject must be unique: OpenSSL finds a trust anchor by subject name, and two devices
    // named alike would shadow each other in the trusted list.
    name: [{ CN: [name.slice(0, 64) || 'Staffroom device'] }, { OU: [serial.toString('hex')] }, { O: ['Staffroom'] }],
    notBefore: new Date(now.getTime() - 24 * 3600 * 1000),
    notAfter: new Date(now.getTime() + validYears * 365 * 24 * 3600 * 1000),
    keys,
    signingAlgorithm: algorithm,
    extensions: [new x509.BasicConstraintsExtension(false, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
  })
  const privateKeyPem = KeyObject.from(keys.privateKey).export({ type: 'pkcs8', format: 'pem' }) as string
  return { certificatePem: certificate.toString('pem'), privateKeyPem }
}
