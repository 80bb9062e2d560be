import type { DocHandle } from '@automerge/automerge-repo'
import type { WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import type { SqliteStorageAdapter } from '../storage/SqliteStorageAdapter'
import { workspaceNotes } from '../workspace/openWorkspace'
import { workspaceCollections } from '../workspace/workspaceCollections'

/**
 * How much of the workspace is on this device: the documents it lists (notes and collection
 * shards) against those stored here. On a freshly paired device this is the initial sync's
 * progress; afterwards both numbers are equal except while new documents arrive.
 */
export function workspaceProgress(storage: Pick<SqliteStorageAdapter, 'storedDocumentIds'>, workspace: DocHandle<WorkspaceDoc>): { listed: number; present: number } {
  const listed = new Set<string>([...workspaceNotes(workspace).keys(), ...workspaceCollections(workspace).keys()])
  const stored = storage.storedDocumentIds()
  let present = 0
  for (const id of listed) if (stored.has(id)) present++
  return { listed: listed.size, present }
}
