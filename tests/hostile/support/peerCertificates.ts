import 'reflect-metadata'
import { KeyObject, webcrypto, X509Certificate } from 'node:crypto'
import * as x509 from '@peculiar/x509'
import { deviceIdOfCertificate } from '../../../src/main/core/sync/deviceId'
import type { DeviceIdentity } from '../../../src/main/core/sync/DeviceIdentityStore'

const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }

/**
 * A forger's certificate: a fresh key under the very subject, serial and dates of someone else's
 * certificate, so it looks alike to anything that reads names (OpenSSL finds trust anchors by
 * subject). Only the fingerprint and the key tell it apart.
 */
export async function makeLookalikeIdentity(ofCertificatePem: string): Promise<DeviceIdentity> {
  x509.cryptoProvider.set(webcrypto as never)
  const original = new X509Certificate(ofCertificatePem)
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: original.serialNumber,
    name: original.subject.split('\n').join(', '),
    notBefore: new Date(original.validFrom),
    notAfter: new Date(original.validTo),
    keys,
    signingAlgorithm: algorithm,
    extensions: [new x509.BasicConstraintsExtension(false, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
  })
  const certificatePem = certificate.toString('pem')
  const privateKeyPem = KeyObject.from(keys.privateKey).export({ type: 'pkcs8', format: 'pem' }) as string
  return { deviceId: deviceIdOfCertificate(certificatePem), certificatePem, privateKeyPem }
}
