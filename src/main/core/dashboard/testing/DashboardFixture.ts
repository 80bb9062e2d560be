import BetterSqlite3, { type Database } from 'better-sqlite3'
import type { z } from 'zod'
import type { DashboardSummary } from '@shared/api/dashboard'
import { fieldsByKind, type RecordKind, type RecordOf } from '@shared/network/records'
import { NetworkIndexWriter } from '../../index/network/NetworkIndexWriter'
import { projectRecord } from '../../index/network/projectRecord'
import { migrate } from '../../storage/migrate'
import { computeDashboard } from '../computeDashboard'

type FieldsInput<K extends RecordKind> = z.input<(typeof fieldsByKind)[K]>

/**
 * A migrated in-memory index filled with hand-built records, projected by the indexer's own
 * projectRecord and written by NetworkIndexWriter, so the rows are exactly what the core writes.
 */
export class DashboardFixture {
  readonly db: Database = new BetterSqlite3(':memory:')
  private readonly writer: NetworkIndexWriter

  constructor() {
    this.db.pragma('foreign_keys = ON')
    migrate(this.db)
    this.writer = new NetworkIndexWriter(this.db)
    this.writer.setCadenceSettings(null, [])
  }

  /** Adds a record with this id; `addedOn` is its creation day (a contact's added_on). */
  add<K extends RecordKind>(kind: K, id: string, fields: FieldsInput<K>, options: { addedOn?: string; deleted?: boolean } = {}): this {
    const createdAt = Date.parse(`${options.addedOn ?? '2025-09-01'}T12:00:00Z`)
    const record = { ...fieldsByKind[kind].parse(fields), id, createdAt, updatedAt: createdAt, deletedAt: options.deleted ? createdAt : null } as unknown as RecordOf<K>
    this.writer.upsert(projectRecord(kind, record))
    return this
  }

  space(id: string, kind: 'project' | 'circle', lastChangeAt: string, options: { archived?: boolean } = {}): this {
    this.db
      .prepare('INSERT INTO space_activity (document_id, kind, title, archived, member_count, last_change_at) VALUES (?, ?, ?, ?, 2, ?)')
      .run(id, kind, id, options.archived ? 1 : 0, Date.parse(lastChangeAt))
    return this
  }

  summary(from: string, to: string, today: string): DashboardSummary {
    this.writer.refreshContacts('all')
    return computeDashboard(this.db, { from, to, today })
  }

  close(): void {
    this.db.close()
  }
}
