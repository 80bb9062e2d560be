import type { AutomergeUrl, DocHandle, Repo } from '@automerge/automerge-repo'
import type { WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import type { MetaStore } from '../storage/MetaStore'
import { workspaceUrlKey } from './openWorkspace'
import { workspaceCollections } from './workspaceCollections'

/**
 * Makes this profile use the workspace of the person's other device (after pairing an own
 * device): everything this device already listed (notes, collection documents) is added to that
 * workspace first, so nothing is left behind, then the profile records the new URL. The running
 * core keeps the old workspace until it is opened again.
 */
export async function adoptWorkspace(repo: Repo, meta: MetaStore, current: DocHandle<WorkspaceDoc>, url: AutomergeUrl): Promise<void> {
  if (current.url === url) return
  const adopted = await repo.find<WorkspaceDoc>(url)
  const mine = current.doc()
  adopted.change((doc) => {
    if (!doc.notes) doc.notes = {}
    for (const [id, noteUrl] of Object.entries(mine.notes ?? {})) if (!doc.notes[id]) doc.notes[id] = noteUrl
    if (!doc.collections) doc.collections = {}
    // Read through workspaceCollections: it also finds shards hidden in a conflict.
    for (const entry of workspaceCollections(current).values()) {
      if (!doc.collections[entry.kind]) doc.collections[entry.kind] = {}
      const into = doc.collections[entry.kind]!
      const shard = String(entry.shard)
      if (!into[shard]) into[shard] = {}
      if (!into[shard]![entry.documentId]) into[shard]![entry.documentId] = entry.url
    }
  })
  await repo.flush([adopted.documentId])
  meta.set(workspaceUrlKey, url)
}
