import * as A from '@automerge/automerge'
import { describe, expect, it } from 'vitest'
import { noteSchemaVersion } from './NoteDoc'
import { migrateNote, noteMigrations, noteNeedsMigration, type StoredNote } from './migrateNote'

describe('migrateNote', () => {
  it('has a step from every version below the current one', () => {
    for (let v = 0; v < noteSchemaVersion; v++) expect(noteMigrations[v]).toBeTypeOf('function')
  })

  it('fills the fields of a version-0 note and keeps what it had', () => {
    const old: StoredNote = { title: 'Old note', tags: ['x'] }
    expect(noteNeedsMigration(old)).toBe(true)
    expect(migrateNote(old)).toEqual({ from: 0, to: noteSchemaVersion })
    expect(old).toEqual({
      kind: 'note',
      schemaVersion: noteSchemaVersion,
      title: 'Old note',
      body: '',
      tags: ['x'],
      pinned: false,
      trashedAt: null,
      createdAt: 0,
    })
    expect(noteNeedsMigration(old)).toBe(false)
  })

  it('runs inside an Automerge change on a stored old document', () => {
    const stored = A.save(A.from<StoredNote>({ title: 'Saved by version 0', pinned: true }))
    const loaded = A.change(A.load<StoredNote>(stored), (doc) => {
      migrateNote(doc)
    })
    expect(loaded.schemaVersion).toBe(noteSchemaVersion)
    expect(loaded.title).toBe('Saved by version 0')
    expect(loaded.pinned).toBe(true)
    expect(loaded.trashedAt).toBeNull()
  })

  it('leaves a note from a newer app alone', () => {
    const future = { schemaVersion: noteSchemaVersion + 5, title: 't', extra: 1 } as StoredNote
    expect(migrateNote(future)).toEqual({ from: noteSchemaVersion + 5, to: noteSchemaVersion + 5 })
    expect(future).toEqual({ schemaVersion: noteSchemaVersion + 5, title: 't', extra: 1 })
  })
})
