import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import { sql, SqlRunner } from '../storage/sql'
import { base32 } from './deviceId'
import type { MemberRole } from './DocumentMembers'
import type { DeviceRelation } from './TrustedDevices'

export interface InviteShare {
  documentId: string
  title: string
  role: MemberRole
  /** Sync this share through the profile's relay too (marked once the invitee has joined it). */
  relay?: boolean
}

export interface IssuedInvite {
  id: string
  secret: string
  relation: DeviceRelation
  contactId: string | null
  shares: InviteShare[]
  expiresAt: number
}

export type RedeemFailure = 'invite-invalid' | 'invite-used' | 'invite-expired'

interface InviteRow {
  id: string
  secret_sha256: Buffer
  relation: DeviceRelation
  contact_id: string | null
  shares_json: string
  expires_at: number
  used_at: number | null
}

const sha256 = (text: string) => createHash('sha256').update(text).digest()

/** Invites handed out by this device; a secret pairs once, before it expires. */
export class InviteStore {
  private readonly sql: SqlRunner

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }

  issue(input: { relation: DeviceRelation; contactId?: string | null; shares?: InviteShare[]; validForMs: number }, now = Date.now()): IssuedInvite {
    const secret = base32(randomBytes(16)) // 128 bits: guessing is hopeless, and it is single-use
    const invite: IssuedInvite = { id: randomUUID(), secret, relation: input.relation, contactId: input.contactId ?? null, shares: input.shares ?? [], expiresAt: now + input.validForMs }
    this.sql.run(sql`
      INSERT INTO invites (id, secret_sha256, relation, contact_id, shares_json, created_at, expires_at)
      VALUES (${invite.id}, ${sha256(secret)}, ${invite.relation}, ${invite.contactId}, ${JSON.stringify(invite.shares)}, ${now}, ${invite.expiresAt})`)
    return invite
  }

  /** Marks the invite used by `deviceId` and returns it, or says why it cannot be used. */
  redeem(secret: string, deviceId: string, now = Date.now()): IssuedInvite | RedeemFailure {
    const hash = sha256(secret)
    const row = this.sql.get<InviteRow>(sql`SELECT * FROM invites WHERE secret_sha256 = ${hash}`)
    if (!row || !timingSafeEqual(row.secret_sha256, hash)) return 'invite-invalid'
    if (row.used_at !== null) return 'invite-used'
    if (row.expires_at <= now) return 'invite-expired'
    const claimed = this.sql.run(sql`UPDATE invites SET used_at = ${now}, used_by_device = ${deviceId} WHERE id = ${row.id} AND used_at IS NULL`).changes
    if (claimed === 0) return 'invite-used'
    return { id: row.id, secret, relation: row.relation, contactId: row.contact_id, shares: JSON.parse(row.shares_json) as InviteShare[], expiresAt: row.expires_at }
  }

  /** Invites not used and not expired (to show, and to keep the pairing port open for). */
  pending(now = Date.now()): Array<Omit<IssuedInvite, 'secret'>> {
    return this.sql
      .all<InviteRow>(sql`SELECT * FROM invites WHERE used_at IS NULL AND expires_at > ${now} ORDER BY expires_at`)
      .map((row) => ({ id: row.id, relation: row.relation, contactId: row.contact_id, shares: JSON.parse(row.shares_json) as InviteShare[], expiresAt: row.expires_at }))
  }

  cancel(id: string): boolean {
    return this.sql.run(sql`DELETE FROM invites WHERE id = ${id} AND used_at IS NULL`).changes > 0
  }
}
