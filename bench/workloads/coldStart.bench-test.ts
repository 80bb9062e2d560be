import { rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import type { DashboardSummary } from '@shared/api/dashboard'
import type { RpcResult } from '@shared/errors'
import { openCore } from '../../src/main/core/createCore'
import { databaseFileName } from '../../src/main/core/storage/openDatabase'
import { call } from '../../src/main/core/testing/coreHarness'
import { makeTempDir } from '../../src/main/core/testing/tempDir'
import { bigWorkspace, bigWorkspaceRange, bigWorkspaceSize } from '../harness/bigWorkspace'
import { medianFigure, saveWorkloadResult, type Measure } from '../harness/results'
import { alternate, distribution } from '../harness/sideBySide'
import { recordSql } from '../harness/sqlRecorder'
import { ChildVariant, type ColdStartSample } from './coldStart/childVariant'
import { phaseBreakdown } from './coldStart/phaseBreakdown'
import { expectedHeadline, figuresOf, headlineOf } from './dashboard/expectedDashboard'

/**
 * Workload 7: from a fresh process to the first dashboard data, on the big workspace. Ours: a
 * child that runs openCore on the profile (migrations check, device identity, Repo, workspace
 * document, indexers) and calls dashboard.summary once through dispatch. Baseline: a child that
 * opens the same SQLite file with raw better-sqlite3 (read-only) and replays the statements one
 * dashboard.summary ran, recorded once here. Children run one at a time, ours and raw alternating.
 */
const rounds = 5
const here = dirname(fileURLToPath(import.meta.url))

describe('7. cold start', () => {
  const temp = makeTempDir('staffroom-bench-coldstart-')
  const variants = {
    ours: new ChildVariant(resolve(here, 'coldStart/oursChild.ts'), 'coldstart-ours', ['@automerge/']),
    raw: new ChildVariant(resolve(here, 'coldStart/rawChild.ts'), 'coldstart-raw'),
  }
  afterAll(() => {
    temp.remove()
    for (const variant of Object.values(variants)) rmSync(variant.bundleDir, { recursive: true, force: true })
  })

  it(`core open to first dashboard data (${bigWorkspaceSize.contacts} contacts / ${bigWorkspaceSize.interactions} interactions): ours vs raw better-sqlite3, ${rounds} fresh processes each`, async () => {
    const started = performance.now()
    const { dataDir } = await bigWorkspace(join(temp.dir, 'profile'))
    const copiedInMs = performance.now() - started

    // Record, once, the statements a steady-state dashboard.summary runs, and what the answer must be.
    const { core, internals } = await openCore({ dataDir, deviceName: 'Bench desktop' })
    let expected: ReturnType<typeof figuresOf>
    const recorder = recordSql(internals.db)
    try {
      await call(core, 'dashboard.summary', bigWorkspaceRange)
      recorder.log.length = 0
      expected = figuresOf(await call(core, 'dashboard.summary', bigWorkspaceRange))
    } finally {
      recorder.stop()
      await core.shutdown()
    }
    const headline = expectedHeadline()
    expect(headlineOf(expected)).toEqual(headline)
    const log = recorder.log.map(({ sql, method, modes, args }) => ({ sql, method, modes, args }))
    const recordedRows = JSON.parse(JSON.stringify(recorder.log.map((entry) => entry.result))) as unknown
    const logFile = join(temp.dir, 'dashboard-sql.json')
    writeFileSync(logFile, JSON.stringify(log))

    const samples: Record<keyof typeof variants, ColdStartSample[]> = { ours: [], raw: [] }
    await alternate({
      variants: {
        ours: async () => samples.ours.push(await variants.ours.run([dataDir, JSON.stringify(bigWorkspaceRange)])),
        raw: async () => samples.raw.push(await variants.raw.run([join(dataDir, databaseFileName), logFile])),
      },
      rounds,
      warmUps: 1,
    })

    // Every child got the right answer: ours the reference figures, raw exactly the recorded rows.
    for (const sample of samples.ours) {
      const answer = sample.answer as RpcResult<DashboardSummary>
      expect(answer.ok).toBe(true)
      if (answer.ok) expect(figuresOf(answer.value)).toEqual(expected)
    }
    for (const sample of samples.raw) expect(sample.answer).toEqual(recordedRows)

    const timed = { ours: samples.ours.slice(1), raw: samples.raw.slice(1) } // the first ran through the bundler: warm-up
    const measure = (name: string, pick: (s: ColdStartSample) => number, unit: 'ms' | 'MB' = 'ms'): Measure => ({
      name,
      ours: 'ours',
      baseline: 'raw better-sqlite3',
      figures: [medianFigure('ours', distribution(timed.ours.map(pick)), unit), medianFigure('raw better-sqlite3', distribution(timed.raw.map(pick)), unit)],
    })
    const measures = [
      measure('spawn to first dashboard data', (s) => s.fromSpawnMs),
      measure('process start to first dashboard data', (s) => s.firstDataMs),
      measure('process start to core (database) open', (s) => s.openedMs),
      measure('code loaded (bundle and packages evaluated)', (s) => s.loadedMs),
      measure('open to first dashboard data', (s) => s.firstDataMs - s.openedMs),
      measure('CPU time to first dashboard data (all threads)', (s) => s.firstDataCpuMs),
      measure('peak RSS (VmHWM)', (s) => s.peakRssMb, 'MB'),
      measure('RSS at first dashboard data', (s) => s.rssMb, 'MB'),
    ]
    const durationMs = performance.now() - started
    const notes = [
      `${rounds} alternating rounds of fresh processes after one warm-up each (which bundles the child); children never overlap`,
      `ours, phases (medians): ${phaseBreakdown(timed.ours)}`,
      `raw, phases (medians): ${phaseBreakdown(timed.raw)}`,
      `headline: ${JSON.stringify({ ...headline, topPeople: undefined })}`,
      `workspace copy took ${Math.round(copiedInMs)} ms`,
    ]
    saveWorkloadResult({
      id: 7,
      title: 'Cold start',
      measures,
      checks: [
        `the workspace's dashboard.summary (in this process) has the headline figures of a plain TypeScript computation over the ${bigWorkspaceSize.interactions} generated records`,
        'every ours child answered dashboard.summary with exactly the same figures, all of them',
        `every raw child's replay of the ${log.length} recorded statements returned exactly the rows the core got`,
      ],
      notes,
      durationMs,
    })
    console.info(notes.join('\n'))
    console.info(measures.map((m) => `${m.name}: ${m.figures.map((f) => `${f.variant} ${f.value.toFixed(0)} ${f.unit}`).join(', ')}`).join('\n'))
  }, 600_000)
})
