import type { Database } from 'better-sqlite3'
import { networkSnapshot } from '../../../src/main/core/testing/networkSnapshot'

/** Index tables that networkSnapshot leaves out but `core.reindex()` rebuilds too. */
const moreIndexTables = ['resources', 'resource_contacts', 'reading_items', 'feeds', 'check_ins', 'space_activity']

/**
 * Every row of every index table `core.reindex()` rebuilds (notes, the learning network, the
 * reflection kinds and space activity), without rowids and in a fixed order, so the index as the
 * core left it can be compared with the index a full reindex gives.
 */
export function crashIndexSnapshot(db: Database): Record<string, unknown> {
  const rows = (table: string) =>
    db
      .prepare(`SELECT * FROM ${table}`)
      .all()
      .map((row) => {
        const { rowid: _rowid, ...rest } = row as Record<string, unknown>
        return JSON.stringify(rest)
      })
      .sort()
  return {
    notes: rows('notes'),
    noteTags: rows('note_tags'),
    notesFts: db.prepare('SELECT n.id, f.title, f.body FROM notes_fts f JOIN notes n ON n.rowid = f.rowid ORDER BY n.id').all(),
    notesFtsRows: db.prepare('SELECT count(*) FROM notes_fts').pluck().get(),
    ...networkSnapshot(db),
    ...Object.fromEntries(moreIndexTables.map((table) => [table, rows(table)])),
  }
}

/** The names of the tables whose rows differ between two snapshots, with a few differing rows each. */
export function snapshotDifferences(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const differences: Record<string, unknown> = {}
  for (const table of Object.keys(after)) {
    const a = JSON.stringify(before[table])
    const b = JSON.stringify(after[table])
    if (a === b) continue
    const left = Array.isArray(before[table]) ? (before[table] as unknown[]).map((row) => JSON.stringify(row)) : [a]
    const right = Array.isArray(after[table]) ? (after[table] as unknown[]).map((row) => JSON.stringify(row)) : [b]
    differences[table] = {
      onlyInIndex: left.filter((row) => !right.includes(row)).slice(0, 3),
      onlyAfterReindex: right.filter((row) => !left.includes(row)).slice(0, 3),
    }
  }
  return differences
}
