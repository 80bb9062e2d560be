import { recordKinds } from '@shared/network/records'
import { backupFormat, backupFormatVersion, type BackupNoteSource, type BackupRecords } from './backupFormat'

/** The backup file's text (see backupFormat.ts): indented, so a person can read and diff it. */
export function createBackup(records: BackupRecords, notes: readonly BackupNoteSource[], now: number, appVersion: string): string {
  const backup = {
    format: backupFormat,
    formatVersion: backupFormatVersion,
    createdAt: new Date(now).toISOString(),
    app: { name: 'Staffroom', version: appVersion },
    records: Object.fromEntries(recordKinds.map((kind) => [kind, records[kind]])),
    notes: notes.map((note) => ({ id: note.id, title: note.title, automerge: Buffer.from(note.binary).toString('base64') })),
  }
  return JSON.stringify(backup, null, 1) + '\n'
}
