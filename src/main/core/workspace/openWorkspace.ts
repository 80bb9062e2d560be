import { isValidAutomergeUrl, type AutomergeUrl, type DocHandle, type Repo } from '@automerge/automerge-repo'
import { newWorkspace, type WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import { migrateWorkspace, workspaceNeedsMigration } from '@shared/workspace/migrateWorkspace'
import type { MetaStore } from '../storage/MetaStore'

export const workspaceUrlKey = 'workspaceUrl'

/**
 * Finds the profile's workspace document, or creates it on first run and records its URL in
 * meta. An old workspace is migrated to the current schema.
 */
export async function openWorkspace(repo: Repo, meta: MetaStore): Promise<DocHandle<WorkspaceDoc>> {
  const url = meta.get(workspaceUrlKey)
  if (url === undefined) {
    const handle = repo.create<WorkspaceDoc>(newWorkspace())
    meta.set(workspaceUrlKey, handle.url)
    return handle
  }
  if (!isValidAutomergeUrl(url)) throw new Error(`The profile's workspace URL is damaged: ${url}`)
  const handle = await repo.find<WorkspaceDoc>(url as AutomergeUrl)
  if (workspaceNeedsMigration(handle.doc())) handle.change((doc) => void migrateWorkspace(doc))
  return handle
}

/** The notes listed in the workspace, read defensively (a peer may have written any shape). */
export function workspaceNotes(workspace: DocHandle<WorkspaceDoc>): Map<string, AutomergeUrl> {
  const notes = workspace.doc().notes
  const result = new Map<string, AutomergeUrl>()
  if (typeof notes !== 'object' || notes === null) return result
  for (const [id, url] of Object.entries(notes)) {
    if (typeof url === 'string' && isValidAutomergeUrl(url)) result.set(id, url)
  }
  return result
}
