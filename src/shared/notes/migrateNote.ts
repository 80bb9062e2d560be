import { noteSchemaVersion, type NoteDoc } from './NoteDoc'

/** A note document as it may be found: any version, possibly with fields missing. */
export type StoredNote = Partial<NoteDoc>

/**
 * Upgrade steps, keyed by the version they upgrade from. Each mutates the document in place, so
 * it runs inside an Automerge change (and on plain objects in tests). Never edit a released step.
 */
export const noteMigrations: Record<number, (doc: StoredNote) => void> = {
  // Version 0: notes written before schemaVersion existed; fill every field the app reads.
  0: (doc) => {
    if (doc.kind === undefined) doc.kind = 'note'
    if (typeof doc.title !== 'string') doc.title = ''
    if (typeof doc.body !== 'string') doc.body = ''
    if (!Array.isArray(doc.tags)) doc.tags = []
    if (typeof doc.pinned !== 'boolean') doc.pinned = false
    if (doc.trashedAt === undefined) doc.trashedAt = null
    if (typeof doc.createdAt !== 'number') doc.createdAt = 0
  },
}

export function noteVersion(doc: StoredNote): number {
  return typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 0
}

/** True when `migrateNote` would change the document (it is older than this app). */
export function noteNeedsMigration(doc: StoredNote): boolean {
  return noteVersion(doc) < noteSchemaVersion
}

/**
 * Brings a note up to the current schema in place. A note from a newer app is left alone
 * (readers tolerate unknown fields); returns the versions it went from and to.
 */
export function migrateNote(doc: StoredNote): { from: number; to: number } {
  const from = noteVersion(doc)
  for (let version = from; version < noteSchemaVersion; version++) {
    const step = noteMigrations[version]
    if (!step) throw new Error(`No migration for note schema ${version}`)
    step(doc)
    doc.schemaVersion = version + 1
  }
  return { from, to: noteVersion(doc) }
}
