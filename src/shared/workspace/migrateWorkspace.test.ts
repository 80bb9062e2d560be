import * as A from '@automerge/automerge'
import { expect, it } from 'vitest'
import { newWorkspace, workspaceSchemaVersion } from './WorkspaceDoc'
import { migrateWorkspace, workspaceNeedsMigration, type StoredWorkspace } from './migrateWorkspace'

it('a new workspace is current', () => {
  expect(workspaceNeedsMigration(newWorkspace())).toBe(false)
})

it('upgrades a version-0 workspace, keeping its notes', () => {
  const old: StoredWorkspace = { notes: { a: 'automerge:a' as never } }
  expect(migrateWorkspace(old)).toEqual({ from: 0, to: workspaceSchemaVersion })
  expect(old).toEqual({
    kind: 'workspace',
    schemaVersion: workspaceSchemaVersion,
    profile: { name: '' },
    notes: { a: 'automerge:a' },
    collections: {},
    settings: { keepInTouch: { defaultCadenceDays: null, tagCadences: {} } },
    projects: {},
    circles: {},
  })
})

it('upgrades a version-1 workspace (notes only) inside an Automerge change, keeping its notes and profile', () => {
  const stored = A.save(A.from<StoredWorkspace>({ kind: 'workspace', schemaVersion: 1, profile: { name: 'Ada' }, notes: { a: 'automerge:a' as never } }))
  const loaded = A.change(A.load<StoredWorkspace>(stored), (doc) => void migrateWorkspace(doc))
  expect(loaded).toMatchObject({ schemaVersion: workspaceSchemaVersion, profile: { name: 'Ada' }, notes: { a: 'automerge:a' }, collections: {} })
  expect(loaded.settings?.keepInTouch).toEqual({ defaultCadenceDays: null, tagCadences: {} })
})

it('upgrades a version-2 workspace with empty project and circle lists, keeping everything else', () => {
  const { projects: _projects, circles: _circles, ...version2 } = newWorkspace()
  const stored = A.save(A.from<StoredWorkspace>({ ...version2, schemaVersion: 2, notes: { a: 'automerge:a' as never } }))
  const loaded = A.change(A.load<StoredWorkspace>(stored), (doc) => void migrateWorkspace(doc))
  expect(loaded).toMatchObject({ schemaVersion: 3, notes: { a: 'automerge:a' }, projects: {}, circles: {} })
})
