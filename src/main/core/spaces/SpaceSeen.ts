import * as A from '@automerge/automerge'
import type { Database } from 'better-sqlite3'
import { sql, SqlRunner } from '../storage/sql'

/** What this device last saw of each shared space, as document heads (migration 0009). */
export class SpaceSeen {
  private readonly sql: SqlRunner

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }

  mark(documentId: string, heads: readonly string[], now = Date.now()): void {
    this.sql.run(sql`
      INSERT INTO space_seen (document_id, heads, seen_at) VALUES (${documentId}, ${JSON.stringify(heads)}, ${now})
      ON CONFLICT (document_id) DO UPDATE SET heads = excluded.heads, seen_at = excluded.seen_at`)
  }

  headsOf(documentId: string): string[] | undefined {
    const row = this.sql.get<{ heads: string }>(sql`SELECT heads FROM space_seen WHERE document_id = ${documentId}`)
    if (!row) return undefined
    try {
      const heads: unknown = JSON.parse(row.heads)
      return Array.isArray(heads) ? heads.filter((h): h is string => typeof h === 'string') : []
    } catch {
      return []
    }
  }

  /**
   * Changes made since the seen heads by actors that are not this device's. Heads this copy does
   * not have (seen on another device, say) count nothing rather than everything.
   */
  static unreadChanges(doc: A.Doc<unknown>, seen: readonly string[], isMine: (actor: string) => boolean): number {
    if (seen.some((hash) => !A.getBackend(doc).getChangeMetaByHash(hash))) return 0
    return A.getChangesMetaSince(doc, [...seen]).filter((change) => !isMine(change.actor)).length
  }
}
