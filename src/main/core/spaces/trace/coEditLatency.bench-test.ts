import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname, resolve } from 'node:path'
import * as A from '@automerge/automerge'
import type { AutomergeUrl, DocHandle } from '@automerge/automerge-repo'
import { describe, expect, it } from 'vitest'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { call } from '../../testing/coreHarness'
import { coreCluster } from '../../testing/coreCluster'
import { eventually } from '../../testing/eventually'

/**
 * Keystroke-to-peer latency in a shared project: one character spliced into the body on core A's
 * handle, timed until core B's handle holds that change, over the paired cores' real TLS link.
 * A measurement (vitest project 'bench', `npm run bench:coedit`), never part of npm test; the
 * figures go to bench/results/coedit-latency.json.
 */
const warmUps = 20
const samples = 300
const resultsFile = resolve(__dirname, '../../../../../bench/results/coedit-latency.json')

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!
const round = (ms: number) => Math.round(ms * 100) / 100

/** Types one character at the end of A's body; resolves with the milliseconds until B has it. */
function keystroke(onA: DocHandle<ProjectDoc>, onB: DocHandle<ProjectDoc>, char: string): Promise<number> {
  return new Promise((resolveLatency) => {
    const typed = performance.now()
    onA.change((doc) => A.splice(doc, ['body'], doc.body.length, 0, char))
    const typedHeads = A.getHeads(onA.doc())
    // Registered in the same tick as the change: B cannot receive it before this listens.
    const arrived = () => {
      if (!A.hasHeads(onB.doc(), typedHeads)) return
      const seen = performance.now()
      onB.off('change', arrived)
      resolveLatency(seen - typed)
    }
    onB.on('change', arrived)
  })
}

describe('co-editing a shared project between two connected cores', () => {
  const cluster = coreCluster()

  it(`a keystroke on one core reaches the other (${samples} samples; figures printed and saved)`, async () => {
    const a = await cluster.open('a', { deviceName: 'Mr Okafor’s laptop' })
    const b = await cluster.open('b', { deviceName: 'Ms Diallo’s laptop' })
    await a.sync.start({ host: '127.0.0.1' })
    const invite = await call(a, 'sync.createInvite', { relation: 'contact' })
    await call(b, 'sync.acceptInvite', { code: invite.code })
    const bId = b.sync.identity.deviceId
    await eventually(async () => a.sync.service.isConnected(bId))

    const { project } = await call(a, 'projects.create', { title: 'Co-written lesson', template: 'lesson-plan' })
    await call(a, 'spaces.setMember', { spaceId: project.id, deviceId: bId, role: 'editor' })
    await eventually(async () => (await call(b, 'spaces.list', { kind: 'project' })).spaces.some((s) => s.id === project.id && s.present), 20_000)
    const onA = await a.repo.find<ProjectDoc>(project.url as AutomergeUrl)
    const onB = await b.repo.find<ProjectDoc>(project.url as AutomergeUrl)
    await eventually(() => A.hasHeads(onB.doc(), A.getHeads(onA.doc())), 20_000)

    const text = 'The water cycle: evaporation, condensation, precipitation. '
    for (let i = 0; i < warmUps; i++) await keystroke(onA, onB, text[i % text.length]!)
    const latencies: number[] = []
    for (let i = 0; i < samples; i++) latencies.push(await keystroke(onA, onB, text[(warmUps + i) % text.length]!))
    expect(onB.doc().body).toBe(onA.doc().body)

    const sorted = [...latencies].sort((x, y) => x - y)
    const figures = {
      what: 'one character spliced into a shared project body on core A, until core B’s handle holds the change (paired cores, TLS on 127.0.0.1)',
      samples,
      warmUps,
      medianMs: round(percentile(sorted, 50)),
      p95Ms: round(percentile(sorted, 95)),
      p99Ms: round(percentile(sorted, 99)),
      minMs: round(sorted[0]!),
      maxMs: round(sorted.at(-1)!),
      measuredAt: new Date().toISOString(),
      machine: { cpus: cpus().length, loadAverage1m: round(loadavg()[0]!), node: process.version },
    }
    mkdirSync(dirname(resultsFile), { recursive: true })
    writeFileSync(resultsFile, `${JSON.stringify(figures, null, 2)}\n`)
    console.info(`keystroke to peer in a shared project (${samples} samples): median ${figures.medianMs} ms, 95th percentile ${figures.p95Ms} ms, 99th percentile ${figures.p99Ms} ms -> ${resultsFile}`)
  }, 300_000)
})
