import type { Database } from 'better-sqlite3'
import { limits } from '@shared/limits'
import type { RecordKind } from '@shared/network/records'
import { fragment, join, sql, SqlRunner, type SqlValue } from '../../storage/sql'
import { childTableOf, tableOf, type ProjectedRecord } from './projectRecord'

/** Trusted identifiers (table and column names from this code, never from input) as SQL text. */
const ident = (name: string) => fragment({ text: name, params: [] })

/** The write side of the network index: projected records in, aggregates kept in step. */
export class NetworkIndexWriter {
  private readonly sql: SqlRunner

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }

  transaction<T>(fn: () => T): T {
    return this.sql.transaction(fn)
  }

  upsert(record: ProjectedRecord): void {
    const table = ident(tableOf[record.kind])
    const names = Object.keys(record.columns)
    const values = join(names.map((name) => sql`${record.columns[name] as SqlValue}`), ', ')
    const updates = ident(names.filter((n) => n !== 'id').map((n) => `${n} = excluded.${n}`).join(', '))
    this.sql.run(sql`INSERT INTO ${table} (${ident(names.join(', '))}) VALUES (${values}) ON CONFLICT (id) DO UPDATE SET ${updates}`)
    const child = childTableOf[record.kind]
    if (child) {
      this.sql.run(sql`DELETE FROM ${ident(child.table)} WHERE ${ident(child.parent)} = ${record.id}`)
      for (const row of record.children) {
        const columns = Object.keys(row)
        const rowValues = join(columns.map((name) => sql`${row[name] as SqlValue}`), ', ')
        this.sql.run(sql`INSERT OR IGNORE INTO ${ident(child.table)} (${ident(columns.join(', '))}) VALUES (${rowValues})`)
      }
    }
    const { title, body, detail } = record.search
    const { rowid } = this.sql.get<{ rowid: number }>(sql`
      INSERT INTO record_search (kind, id, detail, deleted) VALUES (${record.kind}, ${record.id}, ${detail}, ${record.deleted ? 1 : 0})
      ON CONFLICT (kind, id) DO UPDATE SET detail = excluded.detail, deleted = excluded.deleted
      RETURNING rowid`)!
    this.sql.run(sql`DELETE FROM records_fts WHERE rowid = ${rowid}`)
    this.sql.run(sql`INSERT INTO records_fts (rowid, title, body) VALUES (${rowid}, ${title}, ${body.slice(0, limits.indexedBodyChars)})`)
  }

  /** Contacts named by the interaction rows now indexed for these interactions (before a change replaces them). */
  contactsOfInteractions(ids: readonly string[]): string[] {
    if (ids.length === 0) return []
    return this.sql
      .all<{ contact_id: string }>(sql`
        SELECT DISTINCT contact_id FROM interaction_contacts WHERE interaction_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
      .map((r) => r.contact_id)
  }

  remove(kind: RecordKind, id: string): void {
    this.sql.run(sql`DELETE FROM ${ident(tableOf[kind])} WHERE id = ${id}`)
    const found = this.sql.get<{ rowid: number }>(sql`SELECT rowid FROM record_search WHERE kind = ${kind} AND id = ${id}`)
    if (!found) return
    this.sql.run(sql`DELETE FROM records_fts WHERE rowid = ${found.rowid}`)
    this.sql.run(sql`DELETE FROM record_search WHERE rowid = ${found.rowid}`)
  }

  /** Empties the network index (for a rebuild); settings are projected again by the caller. */
  clear(): void {
    for (const table of ['interaction_contacts', 'contact_tags', 'event_attendees', 'journal_tags', 'resource_contacts', ...Object.values(tableOf)]) {
      this.sql.run(sql`DELETE FROM ${ident(table)}`)
    }
    this.sql.run(sql`DELETE FROM record_search`)
    this.sql.run(sql`DELETE FROM records_fts`)
    this.sql.run(sql`DELETE FROM collection_heads`)
  }

  /**
   * Recomputes the per-contact aggregates (last interaction, count, cadence in force, due day) of
   * the given contacts, or of all. The due day follows `dueOn` in @shared/network/keepingInTouch.
   */
  refreshContacts(ids: readonly string[] | 'all'): void {
    if (ids !== 'all' && ids.length === 0) return
    const which = ids === 'all' ? sql`1` : sql`id IN (SELECT value FROM json_each(${JSON.stringify([...new Set(ids)])}))`
    const where = fragment(which)
    this.sql.run(sql`
      UPDATE contacts SET
        last_interaction_on = (SELECT max(ic.date) FROM interaction_contacts ic WHERE ic.contact_id = contacts.id AND ic.deleted = 0),
        interaction_count = (SELECT count(*) FROM interaction_contacts ic WHERE ic.contact_id = contacts.id AND ic.deleted = 0),
        cadence_days = coalesce(
          own_cadence_days,
          (SELECT min(tc.days) FROM contact_tags t JOIN tag_cadences tc ON tc.tag = t.tag WHERE t.contact_id = contacts.id),
          (SELECT value FROM network_settings WHERE key = 'defaultCadenceDays'))
      WHERE ${where}`)
    this.sql.run(sql`
      UPDATE contacts SET due_on = CASE WHEN cadence_days IS NULL THEN NULL
        ELSE date(coalesce(last_interaction_on, added_on), '+' || cadence_days || ' days') END
      WHERE ${where}`)
  }

  /** Projects the workspace's keeping-in-touch settings; writes and returns true only if they changed. */
  setCadenceSettings(defaultDays: number | null, tagCadences: ReadonlyArray<{ tag: string; days: number }>): boolean {
    const wanted = [...new Map(tagCadences.map((c) => [c.tag, c.days])).entries()].map(([tag, days]) => ({ tag, days })).sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0))
    const current = this.sql.all<{ tag: string; days: number }>(sql`SELECT tag, days FROM tag_cadences ORDER BY tag`)
    const currentDefault = this.sql.get<{ value: number | null }>(sql`SELECT value FROM network_settings WHERE key = 'defaultCadenceDays'`)
    if (currentDefault !== undefined && currentDefault.value === defaultDays && JSON.stringify(current) === JSON.stringify(wanted)) return false
    this.sql.run(sql`DELETE FROM tag_cadences`)
    for (const { tag, days } of wanted) this.sql.run(sql`INSERT INTO tag_cadences (tag, days) VALUES (${tag}, ${days})`)
    this.sql.run(sql`INSERT OR REPLACE INTO network_settings (key, value) VALUES ('defaultCadenceDays', ${defaultDays})`)
    return true
  }

  headsOf(documentId: string): string[] | undefined {
    const row = this.sql.get<{ heads: string }>(sql`SELECT heads FROM collection_heads WHERE document_id = ${documentId}`)
    return row ? (JSON.parse(row.heads) as string[]) : undefined
  }

  setHeads(documentId: string, kind: RecordKind, heads: readonly string[]): void {
    this.sql.run(sql`
      INSERT INTO collection_heads (document_id, record_kind, heads) VALUES (${documentId}, ${kind}, ${JSON.stringify(heads)})
      ON CONFLICT (document_id) DO UPDATE SET record_kind = excluded.record_kind, heads = excluded.heads`)
  }

  forgetCollection(documentId: string): void {
    this.sql.run(sql`DELETE FROM collection_heads WHERE document_id = ${documentId}`)
  }

  counts(): { kind: RecordKind; deleted: number; n: number }[] {
    return this.sql.all(sql`SELECT kind, deleted, count(*) AS n FROM record_search GROUP BY kind, deleted`)
  }
}
