import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { generateNetwork } from '@shared/network/generateNetwork'
import { openCore } from '../../createCore'
import type { Core } from '../../Core'
import { loadNetwork } from '../../dashboard/testing/loadNetwork'
import { SqlRunner } from '../../storage/sql'
import { call } from '../../testing/coreHarness'
import { makeTempDir } from '../../testing/tempDir'
import { suggestionRules } from './listSuggestions'

/**
 * The suggestions at 10,000 contacts / 100,000 interactions for a 30-day range, after a restart:
 * the median of warm runs of `suggestions.list` and of each rule. A measurement (vitest project
 * 'bench': `npx vitest run --project bench src/main/core/reflection/suggestions`), never part of npm test.
 */
const size = { seed: 42, contacts: 10_000, interactions: 100_000, today: '2026-06-30' }
const range = { from: '2026-06-01', to: '2026-06-30', today: '2026-06-30' }
const runs = 9
const temp = makeTempDir()
const open: Core[] = []
afterAll(async () => {
  for (const core of open) await core.shutdown()
  temp.remove()
})

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!
}

async function measure(fn: () => unknown): Promise<number> {
  await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await fn()
    times.push(performance.now() - started)
  }
  return median(times)
}

it('lists the suggestions at 10,000 contacts / 100,000 interactions (figures printed)', async () => {
  const dataDir = join(temp.dir, 'profile')
  const loaded = await openCore({ dataDir })
  await loadNetwork(loaded.internals, generateNetwork(size))
  await loaded.core.shutdown()
  const { core, internals } = await openCore({ dataDir })
  open.push(core)
  const listed = await call(core, 'suggestions.list', range)
  expect(listed.suggestions.length).toBeGreaterThan(0)

  const lines = [`  suggestions.list (RPC): median ${(await measure(() => call(core, 'suggestions.list', range))).toFixed(1)} ms`]
  const input = { sql: new SqlRunner(internals.db), ...range, dismissedJson: '[]' }
  for (const rule of suggestionRules) lines.push(`  ${rule.name}: median ${(await measure(() => rule(input))).toFixed(1)} ms`)
  console.info(`suggestions for ${range.from}…${range.to} (${listed.suggestions.map((s) => s.kind).join(', ')}); ${runs} warm runs:\n${lines.join('\n')}`)
}, 1_800_000)
