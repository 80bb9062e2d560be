import { isValidAutomergeUrl, type AutomergeUrl, type DocHandle, type Repo } from '@automerge/automerge-repo'
import { newWorkspace, type WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import { migrateWorkspace, workspaceNeedsMigration } from '@shared/workspace/migrateWorkspace'
import type { MetaStore } from '../storage/MetaStore'
import { isKnownValidUrl } from './knownValidUrl'

export const workspaceUrlKey = 'workspaceUrl'

/**
 * Finds the profile's workspace document, or creates it on first run and records its URL in
 * meta. An old workspace is migrated to the current schema.
 */
export async function openWorkspace(repo: Repo, meta: MetaStore): Promise<DocHandle<WorkspaceDoc>> {
  const url = meta.get(workspaceUrlKey)
  if (url === undefined) {
    const handle = repo.create<WorkspaceDoc>(newWorkspace())
    // Stored before it is recorded: a crash in between must not leave meta pointing at nothing.
    await repo.flush([handle.documentId])
    meta.set(workspaceUrlKey, handle.url)
    return handle
  }
  if (!isValidAutomergeUrl(url)) throw new Error(`The profile's workspace URL is damaged: ${url}`)
  const handle = await repo.find<WorkspaceDoc>(url as AutomergeUrl)
  if (workspaceNeedsMigration(handle.doc())) handle.change((doc) => void migrateWorkspace(doc))
  return handle
}

/** Parsed note lists by workspace document state: a document state never changes, so neither does its list. */
const notesByDocState = new WeakMap<object, ReadonlyMap<string, AutomergeUrl>>()
/** URLs already checked (a checksum each); a workspace change adds one note but lists them all. */
/**
 * The notes listed in the workspace, read defensively (a peer may have written any shape).
 * Cached per document state, as validating thousands of URLs on every call adds up.
 */
export function workspaceNotes(workspace: DocHandle<WorkspaceDoc>): ReadonlyMap<string, AutomergeUrl> {
  const doc = workspace.doc()
  const cached = notesByDocState.get(doc)
  if (cached) return cached
  const result = new Map<string, AutomergeUrl>()
  const notes: unknown = doc.notes
  if (typeof notes === 'object' && notes !== null) {
    for (const [id, url] of Object.entries(notes)) {
      if (typeof url === 'string' && isKnownValidUrl(url)) result.set(id, url as AutomergeUrl)
    }
  }
  notesByDocState.set(doc, result)
  return result
}
