import { z } from 'zod'
import type { RecordKind, RecordOf } from '@shared/network/records'

/**
 * The full backup, one JSON file:
 *   { format: "staffroom-backup", formatVersion: 1, createdAt, app,
 *     records: { contact: [...], interaction: [...], community, event, goal, journal },
 *     notes: [{ id, title, automerge }] }
 * Records are the stored records as they are (id, times, deletedAt and every field), readable
 * and checked against the zod schemas one by one on restore. Notes carry their whole Automerge
 * document (`automerge`, base64 of Automerge.save): formatting, links and history come back
 * exactly, and restoring into a profile that still has the note merges instead of duplicating.
 * `title` is only for people reading the file and for the preview.
 * A newer formatVersion is refused; older ones stay readable (migrations go in readBackup).
 */
export const backupFormat = 'staffroom-backup'
export const backupFormatVersion = 1

export const backupEnvelope = z.object({
  format: z.literal(backupFormat, { error: 'This is not a Staffroom backup (its "format" is not "staffroom-backup").' }),
  formatVersion: z.number().int().min(1),
  createdAt: z.string().optional(),
  records: z.record(z.string(), z.array(z.unknown())).default({}),
  notes: z.array(z.unknown()).default([]),
})

export const backupNote = z.object({
  id: z.string().min(1).max(100),
  title: z.string().max(10_000).default(''),
  automerge: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Expected base64'),
})

export type BackupRecords = { [K in RecordKind]: ReadonlyArray<RecordOf<K>> }

export interface BackupNoteSource {
  id: string
  title: string
  binary: Uint8Array
}
