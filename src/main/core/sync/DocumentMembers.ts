import type { Database } from 'better-sqlite3'
import { sql, SqlRunner } from '../storage/sql'

export type MemberRole = 'owner' | 'editor' | 'viewer'

/** The paired contacts' devices each shared document is open to (see SyncAccess). */
export class DocumentMembers {
  private readonly sql: SqlRunner
  private readonly listeners = new Set<() => void>()

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }

  add(documentId: string, deviceId: string, role: MemberRole, now = Date.now()): void {
    this.sql.run(sql`
      INSERT INTO document_members (document_id, device_id, role, added_at) VALUES (${documentId}, ${deviceId}, ${role}, ${now})
      ON CONFLICT (document_id, device_id) DO UPDATE SET role = excluded.role`)
    this.changed()
  }

  remove(documentId: string, deviceId: string): boolean {
    const removed = this.sql.run(sql`DELETE FROM document_members WHERE document_id = ${documentId} AND device_id = ${deviceId}`).changes > 0
    if (removed) this.changed()
    return removed
  }

  isMember(documentId: string, deviceId: string): boolean {
    return this.sql.get(sql`SELECT 1 AS yes FROM document_members WHERE document_id = ${documentId} AND device_id = ${deviceId}`) !== undefined
  }

  membersOf(documentId: string): Array<{ deviceId: string; role: MemberRole }> {
    return this.sql
      .all<{ device_id: string; role: MemberRole }>(sql`SELECT device_id, role FROM document_members WHERE document_id = ${documentId} ORDER BY added_at`)
      .map((r) => ({ deviceId: r.device_id, role: r.role }))
  }

  documentsOf(deviceId: string): string[] {
    return this.sql.all<{ document_id: string }>(sql`SELECT document_id FROM document_members WHERE device_id = ${deviceId}`).map((r) => r.document_id)
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private changed(): void {
    for (const listener of this.listeners) listener()
  }
}
