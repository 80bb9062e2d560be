import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generateNetwork } from '@shared/network/generateNetwork'
import type { Core } from '../Core'
import { openCore, type CoreInternals } from '../createCore'
import { call } from '../testing/coreHarness'
import { makeTempDir } from '../testing/tempDir'

/**
 * Loads a generated network through the core and times what a teacher waits for. The default
 * suite runs a small network; `npm run bench:network` (STAFFROOM_BENCH_NETWORK=1) runs 10,000
 * contacts and 100,000 interactions and prints the figures recorded in docs/DECISIONS.md.
 */
const full = process.env.STAFFROOM_BENCH_NETWORK === '1'
const size = full ? { contacts: 10_000, interactions: 100_000 } : { contacts: 300, interactions: 3_000 }

async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await fn()
  return { value, ms: performance.now() - started }
}

/** The median of a few warm runs (after the first, which is reported on its own). */
async function median(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push((await timed(fn)).ms)
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!
}

describe(`network at ${size.contacts} contacts / ${size.interactions} interactions`, () => {
  let temp: ReturnType<typeof makeTempDir>
  let dataDir: string
  const open: Core[] = []
  const start = async (): Promise<{ core: Core; internals: CoreInternals }> => {
    const opened = await openCore({ dataDir })
    open.push(opened.core)
    return opened
  }
  beforeEach(() => {
    temp = makeTempDir()
    dataDir = join(temp.dir, 'profile')
  })
  afterEach(async () => {
    for (const core of open.splice(0)) await core.shutdown()
    temp.remove()
  })

  it('opens the contacts list and searches quickly (figures printed)', async () => {
    const figures: Record<string, string> = {}
    const note = (label: string, ms: number) => (figures[label] = `${ms.toFixed(ms < 10 ? 1 : 0)} ms`)
    const network = generateNetwork({ seed: 42, ...size, today: '2026-06-30' })
    const { core, internals } = await start()
    const { store } = internals.ctx.network
    const load = await timed(async () => {
      for (const kind of ['contact', 'community', 'event', 'interaction', 'goal', 'journal'] as const) {
        const records = { contact: network.contacts, community: network.communities, event: network.events, interaction: network.interactions, goal: network.goals, journal: network.journal }[kind]
        await store.createMany(kind, records as never)
      }
      internals.ctx.network.indexer.flushPending()
      await core.repo.flush()
    })
    note('create, index and store everything', load.ms)
    expect(core.stats()).toMatchObject({ contacts: size.contacts, interactions: size.interactions })
    await core.shutdown()

    const reopened = await timed(() => start())
    note('open the profile (restart)', reopened.ms)
    const again = reopened.value.core
    const today = '2026-06-30'
    const byName = await timed(() => call(again, 'contacts.list', { sort: 'name', limit: 100, today }))
    expect(byName.value.total).toBe(size.contacts)
    note('contacts list by name, first page (first call)', byName.ms)
    note('contacts list by name, first page (warm median)', await median(() => call(again, 'contacts.list', { sort: 'name', limit: 100, today })))
    note('contacts list by last contact, first page', await median(() => call(again, 'contacts.list', { sort: 'lastContact', direction: 'desc', limit: 100, today })))
    note('contacts list by name, page 50', await median(() => call(again, 'contacts.list', { sort: 'name', limit: 100, offset: 5_000, today })))
    const search = await timed(() => call(again, 'search.all', { text: 'retrieval' }))
    expect(search.value.hits.length).toBeGreaterThan(0)
    note('search.all "retrieval" (first call)', search.ms)
    note('search.all "okaf" (warm median)', await median(() => call(again, 'search.all', { text: 'okaf' })))
    note('contacts list filtered by "okafor", sorted by name', await median(() => call(again, 'contacts.list', { query: 'okafor', limit: 100, today })))
    const busiest = byName.value.rows[0]!.id
    note('interactions with one contact, first page', await median(() => call(again, 'interactions.list', { contactId: busiest, limit: 50 })))
    note('keeping-in-touch overview', await median(() => call(again, 'keepingInTouch.overview', { today })))
    note('open one contact (loads its shard)', (await timed(() => call(again, 'contacts.get', { id: network.contacts[17]!.id, today }))).ms)
    note('goals list with progress', await median(() => call(again, 'goals.list', {})))
    const reindex = await timed(() => again.reindex())
    note('reindex from the documents', reindex.ms)
    console.info(`network ${size.contacts} contacts / ${size.interactions} interactions:\n${Object.entries(figures).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`)
  }, full ? 1_800_000 : 120_000)
})
