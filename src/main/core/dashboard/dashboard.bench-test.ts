import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { generateNetwork } from '@shared/network/generateNetwork'
import { openCore, type CoreInternals } from '../createCore'
import type { Core } from '../Core'
import { call } from '../testing/coreHarness'
import { makeTempDir } from '../testing/tempDir'
import { SqlRunner } from '../storage/sql'
import { breadthPanel } from './breadthPanel'
import { dashboardRange } from './dashboardRange'
import { engagementAndBalance } from './engagementPanel'
import { goalsPanel } from './goalsPanel'
import { keepingInTouchPanel } from './keepingInTouchPanel'
import { learningPanel } from './learningPanel'
import { reciprocityPanel } from './reciprocityPanel'
import { loadNetwork } from './testing/loadNetwork'

/**
 * `npm run bench:dashboard`: the whole dashboard at 10,000 contacts / 100,000 interactions (the
 * other kinds at generateNetwork's usual proportions) for a one-year range, after a restart.
 * Prints the median of warm runs of the RPC and of each panel. A measurement, never part of npm test.
 */
const size = { seed: 42, contacts: 10_000, interactions: 100_000, today: '2026-06-30' }
const range = { from: '2025-07-01', to: '2026-06-30', today: '2026-06-30' }
const runs = 9
const temp = makeTempDir()
const open: Core[] = []
afterAll(async () => {
  for (const core of open) await core.shutdown()
  temp.remove()
})

function medianOf(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!
}

async function measure(fn: () => unknown): Promise<{ first: number; median: number }> {
  const time = async () => {
    const started = performance.now()
    await fn()
    return performance.now() - started
  }
  const first = await time()
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(await time())
  return { first, median: medianOf(times) }
}

it('computes the whole dashboard at 10,000 contacts / 100,000 interactions (figures printed)', async () => {
  const dataDir = join(temp.dir, 'profile')
  const network = generateNetwork(size)
  const loaded = await openCore({ dataDir })
  await loadNetwork(loaded.internals, network)
  await loaded.core.shutdown()
  const { core, internals } = await openCore({ dataDir })
  open.push(core)
  const summary = await call(core, 'dashboard.summary', range)
  expect(summary.engagement.interactions.current).toBeGreaterThan(0)

  const figures: Record<string, { first: number; median: number }> = {}
  figures['dashboard.summary (RPC, whole dashboard)'] = await measure(() => call(core, 'dashboard.summary', range))
  const computed: number[] = []
  for (let i = 0; i < runs; i++) computed.push((await call(core, 'dashboard.summary', range)).computedInMs)
  Object.assign(figures, await panels(internals))
  const lines = Object.entries(figures).map(([label, t]) => `  ${label}: median ${t.median.toFixed(1)} ms (first ${t.first.toFixed(1)} ms)`)
  lines.push(`  computedInMs reported by the core: median ${medianOf(computed).toFixed(1)} ms`)
  const counts = `${network.contacts.length} contacts, ${network.interactions.length} interactions, ${network.resources.length} resources, ${network.readings.length} readings, ${network.journal.length} journal entries, ${network.events.length} events, ${network.communities.length} communities, ${network.goals.length} goals`
  console.info(`dashboard for ${range.from}…${range.to} over ${counts}; ${runs} warm runs:\n${lines.join('\n')}`)
}, 1_800_000)

async function panels({ db }: CoreInternals): Promise<Record<string, { first: number; median: number }>> {
  const runner = new SqlRunner(db)
  const r = dashboardRange(range.from, range.to)
  return {
    'goals panel': await measure(() => goalsPanel(db, range.today)),
    'engagement and balance panels': await measure(() => engagementAndBalance(runner, r)),
    'reciprocity panel': await measure(() => reciprocityPanel(runner, r)),
    'breadth panel': await measure(() => breadthPanel(runner, r)),
    'keeping-in-touch panel': await measure(() => keepingInTouchPanel(db, range.today)),
    'learning panel': await measure(() => learningPanel(runner, r)),
  }
}
