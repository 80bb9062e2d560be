import * as A from '@automerge/automerge'
import type { DocHandle } from '@automerge/automerge-repo'
import { generateAutomergeUrl, parseAutomergeUrl } from '@automerge/automerge-repo'
import { describe, expect, it } from 'vitest'
import { newWorkspace, type WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import { shardDocuments, workspaceCollections } from './workspaceCollections'

const handleOf = (doc: A.Doc<WorkspaceDoc>) => ({ doc: () => doc }) as unknown as DocHandle<WorkspaceDoc>

/** Lists a new shard document the way RecordStore does, creating the kind's and the shard's maps when missing. */
function listShard(doc: A.Doc<WorkspaceDoc>, kind: 'contact' | 'interaction', shard: string): { doc: A.Doc<WorkspaceDoc>; documentId: string } {
  const url = generateAutomergeUrl()
  const next = A.change(doc, (workspace) => {
    if (!workspace.collections[kind]) workspace.collections[kind] = {}
    const shards = workspace.collections[kind]!
    if (!shards[shard]) shards[shard] = {}
    shards[shard]![parseAutomergeUrl(url).documentId] = url
  })
  return { doc: next, documentId: parseAutomergeUrl(url).documentId }
}

describe('workspaceCollections', () => {
  it('lists the shard documents two devices added while apart, though each made the maps holding them', () => {
    const base = A.from(newWorkspace() as unknown as Record<string, unknown>) as unknown as A.Doc<WorkspaceDoc>
    // Two devices, each first to store a contact: both create collections.contact (a conflict).
    const laptop = listShard(A.clone(base, { actor: 'aa'.repeat(16) }), 'contact', '3')
    const desktop = listShard(A.clone(base, { actor: 'bb'.repeat(16) }), 'contact', '5')
    // And the same shard of another kind: both create collections.interaction['7'] too.
    const laptop2 = listShard(laptop.doc, 'interaction', '7')
    const desktop2 = listShard(desktop.doc, 'interaction', '7')
    const merged = A.merge(A.clone(laptop2.doc), desktop2.doc)
    expect(A.getConflicts(merged.collections, 'contact')).toBeDefined()

    const listed = workspaceCollections(handleOf(merged))
    expect([...listed.keys()].sort()).toEqual([laptop.documentId, desktop.documentId, laptop2.documentId, desktop2.documentId].sort())
    expect(listed.get(desktop.documentId)).toMatchObject({ kind: 'contact', shard: 5 })
    expect(shardDocuments(handleOf(merged), 'interaction', 7).map((e) => e.documentId)).toEqual([laptop2.documentId, desktop2.documentId].sort())
  })

  it('reads a workspace without conflicts as before', () => {
    const { doc, documentId } = listShard(A.from(newWorkspace() as unknown as Record<string, unknown>) as unknown as A.Doc<WorkspaceDoc>, 'contact', '0')
    expect([...workspaceCollections(handleOf(doc)).values()]).toEqual([{ documentId, url: `automerge:${documentId}`, kind: 'contact', shard: 0 }])
  })
})
