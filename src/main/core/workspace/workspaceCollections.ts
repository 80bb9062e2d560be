import * as A from '@automerge/automerge'
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
 * have written any shape) and cached per workspace state. A kind's or a shard's map made on two
 * devices while apart is a conflict in Automerge (the document shows one map, the other hides):
 * every map of a conflict is read, so a shard document listed on either device is never lost.
 */
export function workspaceCollections(workspace: DocHandle<WorkspaceDoc>): ReadonlyMap<string, CollectionEntry> {
  const doc = workspace.doc()
  const cached = byDocState.get(doc)
  if (cached) return cached
  const result = new Map<string, CollectionEntry>()
  const collections: unknown = doc.collections
  if (typeof collections === 'object' && collections !== null) {
    for (const kind of recordKinds) {
      for (const shards of valuesAt(collections, kind)) {
        if (typeof shards !== 'object' || shards === null) continue
        for (const shard of Object.keys(shards)) {
          for (const documents of valuesAt(shards, shard)) {
            if (typeof documents !== 'object' || documents === null) continue
            for (const [documentId, url] of Object.entries(documents as Record<string, unknown>)) {
              if (typeof url === 'string' && isKnownValidUrl(url)) result.set(documentId, { documentId, url, kind, shard: Number(shard) })
            }
          }
        }
      }
    }
  }
  byDocState.set(doc, result)
  return result
}

/**
 * Every value the key holds in an Automerge map: the one shown and any it conflicts with. A map
 * read out of a conflict is a copy Automerge cannot ask about; its own values are the shown ones.
 */
function valuesAt(map: object, key: string): unknown[] {
  let conflicts: ReturnType<typeof A.getConflicts>
  try {
    conflicts = A.getConflicts(map as A.Doc<unknown>, key)
  } catch {
    conflicts = undefined
  }
  return conflicts ? Object.values(conflicts) : [(map as Record<string, unknown>)[key]]
}

/** The documents of one shard, oldest-named first so every device writes to the same one. */
export function shardDocuments(workspace: DocHandle<WorkspaceDoc>, kind: RecordKind, shard: number): CollectionEntry[] {
  return [...workspaceCollections(workspace).values()]
    .filter((entry) => entry.kind === kind && entry.shard === shard)
    .sort((a, b) => (a.documentId < b.documentId ? -1 : 1))
}
