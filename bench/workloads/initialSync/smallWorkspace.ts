import { generateNetwork } from '@shared/network/generateNetwork'
import { openCore } from '../../../src/main/core/createCore'
import { loadNetwork } from '../../../src/main/core/dashboard/testing/loadNetwork'
import { call } from '../../../src/main/core/testing/coreHarness'

/**
 * A small workspace (300 contacts, 3,000 interactions, 50 notes, 5 projects) for developing the
 * workload quickly: STAFFROOM_BENCH_SYNC_SMALL=1 uses it instead of the big one. Never reported.
 */
export async function smallWorkspace(dataDir: string): Promise<void> {
  const { core, internals } = await openCore({ dataDir, deviceName: 'Bench desktop' })
  try {
    await loadNetwork(internals, generateNetwork({ seed: 42, contacts: 300, interactions: 3_000, today: '2026-06-30' }))
    for (let i = 0; i < 50; i++) await call(core, 'notes.create', { title: `Lesson note ${i}` })
    for (let i = 0; i < 5; i++) await call(core, 'projects.create', { title: `Shared unit ${i}`, template: 'lesson-plan' })
    internals.ctx.network.indexer.flushPending()
    await core.repo.flush()
  } finally {
    await core.shutdown()
  }
}
