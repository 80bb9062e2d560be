import type { ApiHandlers, ProfileStats } from '@shared/api'
import type { Core, ReindexProgress } from '../../core/Core'
import type { CoreSync } from '../../core/sync/CoreSync'
import { FakeRpcCore } from './FakeRpcCore'

/** A Core for tests of the shells around it; records what the shell asked of it. */
export class FakeCore extends FakeRpcCore implements Core {
  readonly workspaceUrl = 'automerge:fake-workspace'
  /** The shells never call handlers directly, only dispatch. */
  readonly handlers = {} as ApiHandlers
  /** The identity serve prints and start/stop, recorded; tests of sync itself use a real core. */
  syncStarts: Array<Parameters<CoreSync['start']>[0]> = []
  readonly sync = {
    identity: { deviceId: 'F'.repeat(52) },
    start: async (options) => {
      this.syncStarts.push(options)
      return { port: 47110, pairingPort: 47111 }
    },
    stop: async () => {},
  } as CoreSync
  shutdownCalls = 0
  counts: ProfileStats = { notes: 3, notesInTrash: 1, contacts: 0, interactions: 0, communities: 0, events: 0, goals: 0, journalEntries: 0, resources: 0, readings: 0, feeds: 0, checkIns: 0, deletedRecords: 0, documents: 5, storageChunks: 12, databaseBytes: 40960 }

  constructor(readonly dataDir: string) {
    super()
  }

  async reindex(onProgress?: (p: ReindexProgress) => void): Promise<{ documents: number }> {
    for (let done = 0; done <= 25; done++) onProgress?.({ done, total: 25 })
    return { documents: 25 }
  }

  stats(): ProfileStats {
    return this.counts
  }

  async shutdown(): Promise<void> {
    this.shutdownCalls++
    await this.repo.shutdown()
  }
}
