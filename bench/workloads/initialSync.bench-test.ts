import { rmSync } from 'node:fs'
import { join } from 'node:path'
import * as A from '@automerge/automerge'
import { afterAll, describe, expect, it } from 'vitest'
import { openCore } from '../../src/main/core/createCore'
import { call } from '../../src/main/core/testing/coreHarness'
import { makeTempDir } from '../../src/main/core/testing/tempDir'
import { bigWorkspace, bigWorkspaceSize } from '../harness/bigWorkspace'
import { median, peakRssMb } from '../harness/sideBySide'
import { saveWorkloadResult, type Figure } from '../harness/results'
import { profiled } from './coEditLatency/cpuProfile'
import { rawServer } from './coEditLatency/rawWebSocketRepos'
import { oursRound, recordCounts, sameRecords, type OursRound } from './initialSync/oursReceiver'
import { rawRound, type RawRound } from './initialSync/rawReceiver'
import { smallWorkspace } from './initialSync/smallWorkspace'
import { copyDocumentChunks, headsIn, progress, sameHeads } from './initialSync/sourceDocuments'

/**
 * Workload 3: the big workspace synced to a fresh device. Ours: a new profile accepts an own-device
 * invite from core A and receives everything over the mutual-TLS link (access checks, SQLite
 * storage, indexing). Baseline: the same stored document chunks in NodeFS behind a stock Repo
 * serving plain ws://, and a fresh stock Repo with NodeFS storage that finds every document URL.
 * Both sources load documents on demand and keep them loaded across rounds; rounds alternate,
 * each with a fresh receiving folder. Supersedes src/main/core/sync/initialSync.bench-test.ts.
 */
/** Rounds per variant (STAFFROOM_BENCH_SYNC_ROUNDS overrides it while investigating). */
const rounds = Number(process.env.STAFFROOM_BENCH_SYNC_ROUNDS ?? 1)
const small = process.env.STAFFROOM_BENCH_SYNC_SMALL === '1'

describe('3. initial sync', () => {
  const temp = makeTempDir('staffroom-bench-sync-')
  const closers: Array<() => Promise<void>> = []
  afterAll(async () => {
    for (const close of closers.reverse()) await close()
    temp.remove()
  }, 120_000)

  it(`the ${small ? 'small' : 'big'} workspace to a fresh device: ours (own-device invite, mTLS) vs raw automerge-repo over ws`, async () => {
    const aDir = join(temp.dir, 'a')
    const built = small ? (await smallWorkspace(aDir), 0) : (await bigWorkspace(aDir)).builtInMs
    const started = performance.now()
    const { core: a, internals } = await openCore({ dataDir: aDir })
    closers.push(() => a.shutdown())
    await a.sync.start({ host: '127.0.0.1' })
    const documents = await copyDocumentChunks(internals.db, join(temp.dir, 'raw-source'))
    const server = await rawServer(join(temp.dir, 'raw-source'))
    closers.push(server.close)
    const setupMs = performance.now() - started
    progress(`setup ${(setupMs / 1000).toFixed(1)} s: ${documents.ids.length} documents`)

    const ours: OursRound[] = []
    const raw: RawRound[] = []
    const checks = new Set<string>()
    const runOurs = async (round: number) => {
      const dir = join(temp.dir, `ours-${round}`)
      const { round: result, b } = await oursRound(a, dir, `New laptop ${round}`, documents.ids)
      try {
        const expected = a.stats()
        expect(sameRecords(result.stats, expected), `B's records ${JSON.stringify(result.stats)} vs A's ${JSON.stringify(expected)}`).toBe(true)
        const heads = headsIn(a.repo, documents.ids)
        for (const [id, h] of heads) expect(sameHeads(A.getHeads(b.repo.handles[id]!.doc() as A.Doc<unknown>), h), id).toBe(true)
        checks.add(`ours: B's record counts equal A's (${recordCounts.map((k) => `${k} ${expected[k]}`).join(', ')}) and all ${heads.size} documents have exactly A's heads, every round`)
        ours.push(result)
      } finally {
        await b.shutdown()
        await call(a, 'sync.revokeDevice', { deviceId: result.deviceId })
        rmSync(dir, { recursive: true, force: true })
      }
    }
    const runRaw = async (round: number) => {
      const dir = join(temp.dir, `raw-${round}`)
      try {
        raw.push(await rawRound(server.repo, server.url, dir, documents))
        checks.add(`raw: all ${documents.ids.length} documents in the fresh Repo with exactly the source's heads, every round`)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
    await profiled(async () => {
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? [runOurs, runRaw] : [runRaw, runOurs]
        for (const run of order) await run(round)
      }
    })

    const fig = (variant: string, values: number[], unit: Figure['unit'] = 'ms'): Figure => ({ variant, value: median(values), unit, samples: values.length })
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
    const each = (values: number[]) => values.map(s).join(', ')
    const notes = [
      `${small ? 'SMALL development workspace' : `big workspace: ${bigWorkspaceSize.contacts} contacts, ${bigWorkspaceSize.interactions} interactions, ${bigWorkspaceSize.notes} notes, ${bigWorkspaceSize.projects} projects`}: ${documents.ids.length} documents, ${(documents.bytes / 1e6).toFixed(1)} MB of stored chunks`,
      `${rounds} round(s) each, alternating, fresh receiving folder each round; both sources load documents on demand (same chunks) and keep them loaded`,
      `ours per round: total ${each(ours.map((r) => r.totalMs))}; pair + restart ${each(ours.map((r) => r.pairAndRestartMs))}; first records indexed ${each(ours.map((r) => r.firstRecordsMs))}; every document stored ${each(ours.map((r) => r.storedMs))}; ${ours.map((r) => r.messages).join(', ')} messages`,
      `raw per round: total ${each(raw.map((r) => r.totalMs))}; first document ${each(raw.map((r) => r.firstDocumentMs))}; every document ready ${each(raw.map((r) => r.foundMs))}; ${raw.map((r) => r.messages).join(', ')} messages`,
      `setup (open A, copy the chunks to NodeFS) ${s(setupMs)}${built ? `, big workspace built in ${s(built)}` : ''}; peak RSS ${peakRssMb().toFixed(0)} MB`,
    ]
    saveWorkloadResult({
      id: 3,
      title: 'Initial sync',
      measures: [
        { name: 'whole workspace to a fresh device', ours: 'ours', baseline: 'raw automerge-repo', figures: [fig('ours', ours.map((r) => r.totalMs)), fig('raw automerge-repo', raw.map((r) => r.totalMs))] },
        { name: 'every document stored on the fresh device', ours: 'ours', baseline: 'raw automerge-repo', figures: [fig('ours', ours.map((r) => r.storedMs)), fig('raw automerge-repo', raw.map((r) => r.totalMs))] },
        {
          name: 'sync payload received',
          ours: 'ours',
          baseline: 'raw automerge-repo',
          figures: [fig('ours', ours.map((r) => r.receivedBytes), 'bytes'), fig('raw automerge-repo', raw.map((r) => r.receivedBytes), 'bytes')],
        },
      ],
      checks: [...checks],
      notes,
      durationMs: performance.now() - started,
    })
    console.info(`initial sync:\n${notes.join('\n')}`)
  }, 1_800_000)
})
