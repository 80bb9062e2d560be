import { expect, it } from 'vitest'
import { newWorkspace, workspaceSchemaVersion } from './WorkspaceDoc'
import { migrateWorkspace, workspaceNeedsMigration, type StoredWorkspace } from './migrateWorkspace'

it('a new workspace is current', () => {
  expect(workspaceNeedsMigration(newWorkspace())).toBe(false)
})

it('upgrades a version-0 workspace, keeping its notes', () => {
  const old: StoredWorkspace = { notes: { a: 'automerge:a' as never } }
  expect(migrateWorkspace(old)).toEqual({ from: 0, to: workspaceSchemaVersion })
  expect(old).toEqual({ kind: 'workspace', schemaVersion: workspaceSchemaVersion, profile: { name: '' }, notes: { a: 'automerge:a' } })
})
