import { generateAutomergeUrl, parseAutomergeUrl, Repo } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import { newWorkspace, type WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import { RecordStore } from '../../network/RecordStore'
import { openDatabase } from '../../storage/openDatabase'
import { eventually } from '../../testing/eventually'
import { makeTempDir } from '../../testing/tempDir'
import { NetworkIndexer } from './NetworkIndexer'
import { NetworkIndexWriter } from './NetworkIndexWriter'

describe('NetworkIndexer', () => {
  const temp = makeTempDir()
  afterEach(() => temp.remove())

  // Found by the hostile suite's convergence test: a core shut down while the indexer waited for a
  // collection another device had listed; the indexer then read the closed database for the next
  // one, and the error went unhandled (the shells end the process on that).
  it('stops going through newly listed collections once stopped, without touching the closed database', async () => {
    const db = openDatabase({ dataDir: temp.dir })
    const repo = new Repo({ network: [] })
    const workspace = repo.create<WorkspaceDoc>(newWorkspace())
    const indexer = new NetworkIndexer(repo, new NetworkIndexWriter(db), new RecordStore(repo, workspace), workspace, () => undefined)
    await indexer.start()
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      // Two collections from another device, still on their way: the first find waits.
      let arrive: (() => void) | undefined
      repo.find = (() => new Promise((_, reject) => (arrive = () => reject(new Error('unavailable'))))) as never
      const [first, second] = [generateAutomergeUrl(), generateAutomergeUrl()]
      workspace.change((doc) => {
        doc.collections.contact = { '0': { [parseAutomergeUrl(first).documentId]: first, [parseAutomergeUrl(second).documentId]: second } }
      })
      await eventually(() => arrive !== undefined)
      indexer.stop()
      db.close()
      arrive!()
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
      await repo.shutdown()
    }
  })
})
