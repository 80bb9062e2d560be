import type { Database } from 'better-sqlite3'
import { MetaStore } from '../storage/MetaStore'
import { sql, SqlRunner } from '../storage/sql'
import type { DocumentMembers } from './DocumentMembers'

export class RelayError extends Error {
  constructor(
    readonly code: 'relay-not-shared' | 'relay-invalid-url',
    message: string,
  ) {
    super(message)
  }
}

const relayUrlKey = 'sync.relayUrl'
const maxUrlLength = 500

/** Checks a relay address: ws:// or wss://, a host, no credentials; returns it normalised. */
export function parseRelayUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    throw new RelayError('relay-invalid-url', 'This is not a relay address. It looks like wss://relay.example.org.')
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new RelayError('relay-invalid-url', 'A relay address starts with wss:// (or ws:// on a trusted network).')
  if (!url.hostname || url.username || url.password) throw new RelayError('relay-invalid-url', 'A relay address needs a host name and no user name or password.')
  const normalised = url.toString()
  if (normalised.length > maxUrlLength) throw new RelayError('relay-invalid-url', 'This relay address is too long.')
  return normalised
}

/**
 * Which shared documents travel through the relay, and the relay's address (a per-profile
 * setting). Only a shared document (one with at least one member) can be marked: a personal
 * document is refused, and a marked document that stops being shared is no longer relayed
 * (SyncAccess asks `relays`, which checks both).
 */
export class RelayedDocuments {
  private readonly sql: SqlRunner
  private readonly meta: MetaStore
  private readonly listeners = new Set<() => void>()

  constructor(
    db: Database,
    private readonly members: DocumentMembers,
  ) {
    this.sql = new SqlRunner(db)
    this.meta = new MetaStore(db)
  }

  mark(documentId: string, now = Date.now()): void {
    if (this.members.membersOf(documentId).length === 0) {
      throw new RelayError('relay-not-shared', 'Only a shared space can sync through the relay; this one is personal. Share it with someone first.')
    }
    const added = this.sql.run(sql`INSERT INTO relayed_documents (document_id, marked_at) VALUES (${documentId}, ${now}) ON CONFLICT (document_id) DO NOTHING`).changes > 0
    if (added) this.changed()
  }

  unmark(documentId: string): boolean {
    const removed = this.sql.run(sql`DELETE FROM relayed_documents WHERE document_id = ${documentId}`).changes > 0
    if (removed) this.changed()
    return removed
  }

  isMarked(documentId: string): boolean {
    return this.sql.get(sql`SELECT 1 AS yes FROM relayed_documents WHERE document_id = ${documentId}`) !== undefined
  }

  /** What a relay may sync: marked, and still shared with someone. */
  relays(documentId: string): boolean {
    return this.isMarked(documentId) && this.members.membersOf(documentId).length > 0
  }

  list(): string[] {
    return this.sql.all<{ document_id: string }>(sql`SELECT document_id FROM relayed_documents ORDER BY marked_at, document_id`).map((r) => r.document_id)
  }

  relayUrl(): string | undefined {
    return this.meta.get(relayUrlKey) || undefined
  }

  setRelayUrl(url: string | undefined): void {
    this.meta.set(relayUrlKey, url === undefined ? '' : parseRelayUrl(url))
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private changed(): void {
    for (const listener of this.listeners) listener()
  }
}
