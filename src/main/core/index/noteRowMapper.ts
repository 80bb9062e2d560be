import type { NoteSummary } from '@shared/api'
import type { NoteRow } from './NoteRow'

/** The `notes` table row as SQLite returns it. */
export interface NoteRecord {
  rowid: number
  id: string
  url: string
  title: string
  excerpt: string
  tags_json: string
  pinned: number
  in_trash: number
  trashed_at: number | null
  created_at: number
  updated_at: number
  heads: string
}

export function recordToSummary(record: NoteRecord): NoteSummary {
  return {
    id: record.id,
    url: record.url,
    title: record.title,
    excerpt: record.excerpt,
    tags: JSON.parse(record.tags_json) as string[],
    pinned: record.pinned === 1,
    trashed: record.in_trash === 1,
    createdAt: record.created_at,
    updatedAt: record.updated_at,
  }
}

/** Column values for the `notes` table (without rowid, which SQLite assigns). */
export function rowToRecord(row: NoteRow): Omit<NoteRecord, 'rowid'> {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    excerpt: row.excerpt,
    tags_json: JSON.stringify(row.tags),
    pinned: row.pinned ? 1 : 0,
    in_trash: row.trashedAt === null ? 0 : 1,
    trashed_at: row.trashedAt,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    heads: JSON.stringify(row.heads),
  }
}
