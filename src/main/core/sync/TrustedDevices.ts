import type { Database } from 'better-sqlite3'
import { sql, SqlRunner } from '../storage/sql'
import { deviceIdOfCertificate } from './deviceId'

export type DeviceRelation = 'own' | 'contact'

export interface TrustedDevice {
  deviceId: string
  certificatePem: string
  name: string
  relation: DeviceRelation
  contactId: string | null
  /** Where it was last reachable, as host:port; hints only, the certificate decides. */
  addresses: string[]
  pairedAt: number
  revokedAt: number | null
  lastSeenAt: number | null
}

interface TrustedDeviceRow {
  device_id: string
  certificate_pem: string
  name: string
  relation: DeviceRelation
  contact_id: string | null
  addresses_json: string
  paired_at: number
  revoked_at: number | null
  last_seen_at: number | null
}

function toDevice(row: TrustedDeviceRow): TrustedDevice {
  return {
    deviceId: row.device_id,
    certificatePem: row.certificate_pem,
    name: row.name,
    relation: row.relation,
    contactId: row.contact_id,
    addresses: JSON.parse(row.addresses_json) as string[],
    pairedAt: row.paired_at,
    revokedAt: row.revoked_at,
    lastSeenAt: row.last_seen_at,
  }
}

/** The devices this one pins; the TLS listener and the dialer trust exactly the active ones. */
export class TrustedDevices {
  private readonly sql: SqlRunner
  private readonly listeners = new Set<() => void>()

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }

  /** Pins a device by its certificate (again, after a revoke); the id is computed, never taken on trust. */
  pin(input: { certificatePem: string; name: string; relation: DeviceRelation; contactId?: string | null; addresses?: string[] }, now = Date.now()): TrustedDevice {
    const deviceId = deviceIdOfCertificate(input.certificatePem)
    this.sql.run(sql`
      INSERT INTO trusted_devices (device_id, certificate_pem, name, relation, contact_id, addresses_json, paired_at)
      VALUES (${deviceId}, ${input.certificatePem}, ${input.name}, ${input.relation}, ${input.contactId ?? null}, ${JSON.stringify(input.addresses ?? [])}, ${now})
      ON CONFLICT (device_id) DO UPDATE SET name = excluded.name, relation = excluded.relation, contact_id = excluded.contact_id,
        addresses_json = excluded.addresses_json, paired_at = excluded.paired_at, revoked_at = NULL`)
    this.changed()
    return this.get(deviceId)!
  }

  revoke(deviceId: string, now = Date.now()): boolean {
    const changed = this.sql.run(sql`UPDATE trusted_devices SET revoked_at = ${now} WHERE device_id = ${deviceId} AND revoked_at IS NULL`).changes > 0
    if (changed) this.changed()
    return changed
  }

  get(deviceId: string): TrustedDevice | undefined {
    const row = this.sql.get<TrustedDeviceRow>(sql`SELECT * FROM trusted_devices WHERE device_id = ${deviceId}`)
    return row ? toDevice(row) : undefined
  }

  /** The pinned, not revoked device with this id. */
  active(deviceId: string): TrustedDevice | undefined {
    const device = this.get(deviceId)
    return device && device.revokedAt === null ? device : undefined
  }

  list(): TrustedDevice[] {
    return this.sql.all<TrustedDeviceRow>(sql`SELECT * FROM trusted_devices ORDER BY paired_at`).map(toDevice)
  }

  activeList(): TrustedDevice[] {
    return this.list().filter((d) => d.revokedAt === null)
  }

  setAddresses(deviceId: string, addresses: string[]): void {
    this.sql.run(sql`UPDATE trusted_devices SET addresses_json = ${JSON.stringify(addresses)} WHERE device_id = ${deviceId}`)
  }

  /** Which of the person's contacts uses this device (null: none). */
  setContact(deviceId: string, contactId: string | null): void {
    this.sql.run(sql`UPDATE trusted_devices SET contact_id = ${contactId} WHERE device_id = ${deviceId}`)
  }

  markSeen(deviceId: string, now = Date.now()): void {
    this.sql.run(sql`UPDATE trusted_devices SET last_seen_at = ${now} WHERE device_id = ${deviceId}`)
  }

  /** Called after every pin or revoke: the listener reloads its trusted certificates, links are cut. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private changed(): void {
    for (const listener of this.listeners) listener()
  }
}
