import { newWorkspaceSettings, workspaceSchemaVersion, type WorkspaceDoc } from './WorkspaceDoc'

export type StoredWorkspace = Partial<WorkspaceDoc>

/** Upgrade steps keyed by the version they upgrade from; each mutates in place inside a change. */
export const workspaceMigrations: Record<number, (doc: StoredWorkspace) => void> = {
  // Version 0: a workspace without schemaVersion; make sure the maps the app writes into exist.
  0: (doc) => {
    if (doc.kind === undefined) doc.kind = 'workspace'
    if (typeof doc.profile !== 'object' || doc.profile === null) doc.profile = { name: '' }
    if (typeof doc.notes !== 'object' || doc.notes === null) doc.notes = {}
  },
  // Version 1 (notes only): add the learning network's collections and the settings.
  1: (doc) => {
    if (typeof doc.collections !== 'object' || doc.collections === null) doc.collections = {}
    if (typeof doc.settings !== 'object' || doc.settings === null) doc.settings = newWorkspaceSettings()
  },
  // Version 2: add the shared spaces (lesson projects and circles).
  2: (doc) => {
    if (typeof doc.projects !== 'object' || doc.projects === null) doc.projects = {}
    if (typeof doc.circles !== 'object' || doc.circles === null) doc.circles = {}
  },
}

export function workspaceVersion(doc: StoredWorkspace): number {
  return typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 0
}

export function workspaceNeedsMigration(doc: StoredWorkspace): boolean {
  return workspaceVersion(doc) < workspaceSchemaVersion
}

export function migrateWorkspace(doc: StoredWorkspace): { from: number; to: number } {
  const from = workspaceVersion(doc)
  for (let version = from; version < workspaceSchemaVersion; version++) {
    const step = workspaceMigrations[version]
    if (!step) throw new Error(`No migration for workspace schema ${version}`)
    step(doc)
    doc.schemaVersion = version + 1
  }
  return { from, to: workspaceVersion(doc) }
}
