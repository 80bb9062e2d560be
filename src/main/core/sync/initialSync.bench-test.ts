import { join } from 'node:path'
import type { AutomergeUrl, DocHandle } from '@automerge/automerge-repo'
import { next as A } from '@automerge/automerge'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generateNetwork } from '@shared/network/generateNetwork'
import type { Core } from '../Core'
import { createCore, openCore } from '../createCore'
import { call } from '../testing/coreHarness'
import { makeTempDir } from '../testing/tempDir'
import { eventually } from '../testing/eventually'

/**
 * What a teacher waits for when sync works: a fresh own device receiving the whole workspace,
 * and an edit on one device showing on another. A measurement (vitest project 'bench', `npm run
 * bench:sync`); STAFFROOM_BENCH_SYNC=1 runs 10,000 contacts / 100,000 interactions / 1,000 notes.
 */
const full = process.env.STAFFROOM_BENCH_SYNC === '1'
const size = full ? { contacts: 10_000, interactions: 100_000, notes: 1_000 } : { contacts: 300, interactions: 3_000, notes: 50 }

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!

describe(`sync at ${size.contacts} contacts / ${size.interactions} interactions / ${size.notes} notes`, () => {
  let temp: ReturnType<typeof makeTempDir>
  const cores: Core[] = []
  beforeEach(() => {
    temp = makeTempDir()
  })
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.shutdown()
    temp.remove()
  })

  it('a fresh own device receives the workspace; edits reach a connected peer (figures printed)', async () => {
    const figures: Record<string, string> = {}
    const { core: a, internals } = await openCore({ dataDir: join(temp.dir, 'a'), deviceName: 'Desktop' })
    cores.push(a)
    const network = generateNetwork({ seed: 7, contacts: size.contacts, interactions: size.interactions, today: '2026-06-30' })
    const { store } = internals.ctx.network
    for (const [kind, records] of [['contact', network.contacts], ['community', network.communities], ['event', network.events], ['interaction', network.interactions], ['goal', network.goals], ['journal', network.journal]] as const)
      await store.createMany(kind, records as never)
    for (let i = 0; i < size.notes; i++) await call(a, 'notes.create', { title: `Lesson note ${i}` })
    internals.ctx.network.indexer.flushPending()
    await a.repo.flush()
    const expected = a.stats()
    expect(expected).toMatchObject({ notes: size.notes, contacts: size.contacts, interactions: size.interactions })
    await a.sync.start({ host: '127.0.0.1' })

    const bDir = join(temp.dir, 'b')
    const pairing = await createCore({ dataDir: bDir, deviceName: 'New laptop' })
    const invite = await call(a, 'sync.createInvite', { relation: 'own' })
    await call(pairing, 'sync.acceptInvite', { code: invite.code })
    await pairing.shutdown()

    const started = performance.now()
    const b = await createCore({ dataDir: bDir })
    cores.push(b)
    await b.sync.start({ host: '127.0.0.1' })
    let firstProgress = 0
    await eventually(() => {
      const now = b.stats()
      if (!firstProgress && now.contacts > 0) firstProgress = performance.now() - started
      return now.notes === expected.notes && now.contacts === expected.contacts && now.interactions === expected.interactions
    }, full ? 1_800_000 : 120_000)
    const received = performance.now() - started
    figures['fresh own device: first records indexed'] = `${(firstProgress / 1000).toFixed(1)} s`
    figures['fresh own device: whole workspace received and indexed'] = `${(received / 1000).toFixed(1)} s`
    figures['documents received'] = String(b.stats().documents)

    // Edit latency: one character typed on A, seen on B (both devices hold the note open).
    const note = (await call(a, 'notes.list', { limit: 1 })).notes[0]!
    const onA: DocHandle<{ body: string }> = await a.repo.find(note.url as AutomergeUrl)
    const onB: DocHandle<{ body: string }> = await b.repo.find(note.url as AutomergeUrl)
    const samples: number[] = []
    for (let i = 0; i < (full ? 300 : 100); i++) {
      const seen = new Promise<number>((resolve) => {
        const onChange = () => {
          if (onB.doc().body.length === onA.doc().body.length) {
            onB.off('change', onChange)
            resolve(performance.now())
          }
        }
        onB.on('change', onChange)
      })
      const typed = performance.now()
      onA.change((doc) => A.splice(doc, ['body'], doc.body.length, 0, 'x'))
      samples.push((await seen) - typed)
    }
    samples.sort((x, y) => x - y)
    figures['edit on A visible on B: median'] = `${percentile(samples, 50).toFixed(1)} ms`
    figures['edit on A visible on B: 95th percentile'] = `${percentile(samples, 95).toFixed(1)} ms`
    figures['edit on A visible on B: 99th percentile'] = `${percentile(samples, 99).toFixed(1)} ms`
    expect(onB.doc().body).toBe(onA.doc().body)
    console.info(`sync at ${size.contacts} / ${size.interactions} / ${size.notes}:\n${Object.entries(figures).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`)
  }, full ? 3_600_000 : 300_000)
})
