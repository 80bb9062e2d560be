import type { AutomergeUrl, DocHandle } from '@automerge/automerge-repo'
import { recordKinds, type RecordKind } from '@shared/network/records'
import type { WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import { isKnownValidUrl } from './knownValidUrl'

export interface CollectionEntry {
  documentId: string
  url: AutomergeUrl
  kind: RecordKind
  shard: number
}

const byDocState = new WeakMap<object, ReadonlyMap<string, CollectionEntry>>()

/**
 * Every collection document the workspace lists, by document id, read defensively (a peer may
 * have written any shape) and cached per workspace state.
 */
export function workspaceCollections(workspace: DocHandle<WorkspaceDoc>): ReadonlyMap<string, CollectionEntry> {
  const doc = workspace.doc()
  const cached = byDocState.get(doc)
  if (cached) return cached
  const result = new Map<string, CollectionEntry>()
  const collections: unknown = doc.collections
  if (typeof collections === 'object' && collections !== null) {
    for (const kind of recordKinds) {
      const shards: unknown = (collections as Record<string, unknown>)[kind]
      if (typeof shards !== 'object' || shards === null) continue
      for (const [shard, documents] of Object.entries(shards)) {
        if (typeof documents !== 'object' || documents === null) continue
        for (const [documentId, url] of Object.entries(documents as Record<string, unknown>)) {
          if (typeof url === 'string' && isKnownValidUrl(url)) result.set(documentId, { documentId, url, kind, shard: Number(shard) })
        }
      }
    }
  }
  byDocState.set(doc, result)
  return result
}

/** The documents of one shard, oldest-named first so every device writes to the same one. */
export function shardDocuments(workspace: DocHandle<WorkspaceDoc>, kind: RecordKind, shard: number): CollectionEntry[] {
  return [...workspaceCollections(workspace).values()]
    .filter((entry) => entry.kind === kind && entry.shard === shard)
    .sort((a, b) => (a.documentId < b.documentId ? -1 : 1))
}
