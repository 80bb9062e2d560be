import { describe, expect, it } from 'vitest'
import { openDatabase } from '../storage/openDatabase'
import { makeTempDir } from '../testing/tempDir'
import { deviceIdOfCertificate } from './deviceId'
import { DeviceIdentityStore, KeyProtectionError } from './DeviceIdentityStore'
import { plainSecretBox, type SecretBox } from './SecretBox'

/** Stands in for the OS keychain: a reversible transform, so a test can see the key is not stored as is. */
const fakeKeychain: SecretBox = {
  scheme: 'os-keychain',
  seal: (secret) => Buffer.from(secret.map((b) => b ^ 0x5a)),
  open: (sealed) => Buffer.from(sealed.map((b) => b ^ 0x5a)),
}

describe('DeviceIdentityStore', () => {
  it('creates the identity once and reads the same one back after a restart', async () => {
    const temp = makeTempDir()
    try {
      let db = openDatabase({ dataDir: temp.dir })
      const first = await new DeviceIdentityStore(db, plainSecretBox).loadOrCreate()
      expect(first.deviceId).toBe(deviceIdOfCertificate(first.certificatePem))
      db.close()
      db = openDatabase({ dataDir: temp.dir })
      expect(await new DeviceIdentityStore(db, plainSecretBox).loadOrCreate()).toEqual(first)
      db.close()
    } finally {
      temp.remove()
    }
  })

  it('seals the key with the keychain, upgrades a plain key, and refuses a key it cannot open', async () => {
    const temp = makeTempDir()
    try {
      const db = openDatabase({ dataDir: temp.dir })
      const plain = await new DeviceIdentityStore(db, plainSecretBox).loadOrCreate()
      const sealed = await new DeviceIdentityStore(db, fakeKeychain).loadOrCreate()
      expect(sealed).toEqual(plain)
      const stored = db.prepare('SELECT private_key, key_protection FROM device_identity').get() as { private_key: Buffer; key_protection: string }
      expect(stored.key_protection).toBe('os-keychain')
      expect(stored.private_key.toString()).not.toContain('PRIVATE KEY')
      await expect(new DeviceIdentityStore(db, plainSecretBox).loadOrCreate()).rejects.toThrow(KeyProtectionError)
      db.close()
    } finally {
      temp.remove()
    }
  })
})
