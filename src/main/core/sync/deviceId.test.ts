import { createHash, X509Certificate } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createDeviceCertificate } from './createDeviceCertificate'
import { base32, deviceIdOfCertificate, deviceIdOfPeer, formatDeviceId, parseDeviceId, peerIdOfDevice } from './deviceId'

describe('device ids', () => {
  it('base32 follows RFC 4648 (without padding)', () => {
    expect(base32(Buffer.from('foobar'))).toBe('MZXW6YTBOI')
    expect(base32(Buffer.from('f'))).toBe('MY')
  })

  it('is the SHA-256 of the certificate, 52 characters, shown in groups of four, read back from any spelling', async () => {
    const { certificatePem } = await createDeviceCertificate('Ms Okafor’s laptop')
    const id = deviceIdOfCertificate(certificatePem)
    expect(id).toBe(base32(createHash('sha256').update(new X509Certificate(certificatePem).raw).digest()))
    expect(id).toMatch(/^[A-Z2-7]{52}$/)
    const shown = formatDeviceId(id)
    expect(shown.split('-')).toHaveLength(13)
    expect(parseDeviceId(shown.toLowerCase().replaceAll('-', ' '))).toBe(id)
    expect(parseDeviceId(shown.slice(0, -1))).toBeUndefined()
    expect(parseDeviceId(shown.replace(/[A-Z]/, '0'))).toBeUndefined()
  })

  it('binds a PeerId to a device id and rejects other peer ids', () => {
    const id = 'A'.repeat(52)
    expect(deviceIdOfPeer(peerIdOfDevice(id))).toBe(id)
    expect(deviceIdOfPeer('renderer-123')).toBeUndefined()
    expect(deviceIdOfPeer('device-TOO-SHORT')).toBeUndefined()
  })

  it('makes a self-signed ECDSA P-256 certificate that two devices never share', async () => {
    const [a, b] = await Promise.all([createDeviceCertificate(), createDeviceCertificate()])
    const cert = new X509Certificate(a.certificatePem)
    expect(cert.publicKey.asymmetricKeyDetails).toMatchObject({ namedCurve: 'prime256v1' })
    expect(cert.verify(cert.publicKey)).toBe(true)
    expect(cert.ca).toBe(false)
    expect(deviceIdOfCertificate(a.certificatePem)).not.toBe(deviceIdOfCertificate(b.certificatePem))
  })
})
