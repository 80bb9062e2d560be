import { generateAutomergeUrl, parseAutomergeUrl, Repo } from '@automerge/automerge-repo'
import { describe, expect, it } from 'vitest'
import { shardCounts, shardOf } from '@shared/network/CollectionDoc'
import { newWorkspace, type WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import { shardDocuments } from '../workspace/workspaceCollections'
import { RecordStore } from './RecordStore'

describe('RecordStore', () => {
  // Found by the hostile suite's convergence test: another device listed the shard's document,
  // then went offline before the document itself arrived; every contact hashing to that shard
  // failed to save here ("Document … is unavailable") until that device came back.
  it('saves a record when its shard is listed by another device whose document has not arrived', async () => {
    const repo = new Repo({ network: [] })
    try {
      const workspace = repo.create<WorkspaceDoc>(newWorkspace())
      const id = 'contact-from-this-device'
      const shard = String(shardOf(id, shardCounts.contact))
      const elsewhere = generateAutomergeUrl()
      workspace.change((doc) => void (doc.collections.contact = { [shard]: { [parseAutomergeUrl(elsewhere).documentId]: elsewhere } }))

      const store = new RecordStore(repo, workspace)
      const saved = await store.create('contact', { name: 'Amara Okafor' } as never, Date.now(), id)
      expect(saved).toMatchObject({ id, name: 'Amara Okafor' })
      expect(shardDocuments(workspace, 'contact', Number(shard))).toHaveLength(2)
      expect(await store.get('contact', id)).toMatchObject({ name: 'Amara Okafor' })
    } finally {
      await repo.shutdown()
    }
  })
})
