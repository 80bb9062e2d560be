import type { Database } from 'better-sqlite3'
import { sql, SqlRunner } from '../storage/sql'
import { createDeviceCertificate } from './createDeviceCertificate'
import { deviceIdOfCertificate } from './deviceId'
import type { SecretBox } from './SecretBox'

export interface DeviceIdentity {
  deviceId: string
  certificatePem: string
  privateKeyPem: string
}

interface IdentityRow {
  device_id: string
  certificate_pem: string
  private_key: Buffer
  key_protection: string
}

export class KeyProtectionError extends Error {}

/** This device's identity: created on first run, read back (and unsealed) on every later one. */
export class DeviceIdentityStore {
  private readonly sql: SqlRunner

  constructor(
    db: Database,
    private readonly box: SecretBox,
  ) {
    this.sql = new SqlRunner(db)
  }

  async loadOrCreate(deviceName?: string): Promise<DeviceIdentity> {
    const row = this.sql.get<IdentityRow>(sql`SELECT device_id, certificate_pem, private_key, key_protection FROM device_identity WHERE id = 1`)
    if (row) return this.unseal(row)
    const { certificatePem, privateKeyPem } = await createDeviceCertificate(deviceName)
    const identity = { deviceId: deviceIdOfCertificate(certificatePem), certificatePem, privateKeyPem }
    this.sql.run(sql`
      INSERT INTO device_identity (id, device_id, certificate_pem, private_key, key_protection, created_at)
      VALUES (1, ${identity.deviceId}, ${certificatePem}, ${this.box.seal(Buffer.from(privateKeyPem))}, ${this.box.scheme}, ${Date.now()})`)
    return identity
  }

  private unseal(row: IdentityRow): DeviceIdentity {
    let key: Buffer
    if (row.key_protection === this.box.scheme) key = this.box.open(row.private_key)
    else if (row.key_protection === 'plain') {
      // A profile made by serve, now opened where a keychain exists: protect the key from now on.
      key = Buffer.from(row.private_key)
      this.sql.run(sql`UPDATE device_identity SET private_key = ${this.box.seal(key)}, key_protection = ${this.box.scheme} WHERE id = 1`)
    } else
      throw new KeyProtectionError(
        `This profile's device key is protected by "${row.key_protection}", which this shell cannot open. Open the profile with the Staffroom desktop app on the computer that created it.`,
      )
    return { deviceId: row.device_id, certificatePem: row.certificate_pem, privateKeyPem: key.toString() }
  }
}
