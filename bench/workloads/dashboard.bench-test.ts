import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import type { DashboardSummary } from '@shared/api/dashboard'
import { openCore } from '../../src/main/core/createCore'
import { databaseFileName } from '../../src/main/core/storage/openDatabase'
import { call } from '../../src/main/core/testing/coreHarness'
import { makeTempDir } from '../../src/main/core/testing/tempDir'
import { bigWorkspace, bigWorkspaceRange, bigWorkspaceSize } from '../harness/bigWorkspace'
import { medianFigure, saveWorkloadResult } from '../harness/results'
import { alternate, distribution } from '../harness/sideBySide'
import { preparedReplay, recordSql } from '../harness/sqlRecorder'
import { expectedHeadline, figuresOf, headlineOf } from './dashboard/expectedDashboard'
import { statementTimes } from './dashboard/statementTimes'

/**
 * Workload 6: every dashboard figure for a one-year range over the big workspace (10,000 contacts,
 * 100,000 interactions). Ours: the dashboard.summary RPC through core.dispatch (argument
 * validation, index flush, the panels' SQL in one read transaction, assembling the summary).
 * Baseline: the very statements one dashboard.summary ran, recorded and replayed, each prepared
 * once, in one read transaction on a raw better-sqlite3 connection. The core holds its file
 * exclusively (locking_mode EXCLUSIVE), so the raw connection reads its own copy of the same
 * template, read-only.
 */
const rounds = 9
const warmUps = 2

describe('6. dashboard', () => {
  const temp = makeTempDir('staffroom-bench-dashboard-')
  const closers: Array<() => unknown> = []
  afterAll(async () => {
    for (const close of closers.reverse()) await close()
    temp.remove()
  })

  it(`whole dashboard at ${bigWorkspaceSize.contacts} contacts / ${bigWorkspaceSize.interactions} interactions: ours (RPC) vs the same SQL on raw better-sqlite3`, async () => {
    const started = performance.now()
    const ours = await bigWorkspace(join(temp.dir, 'ours'))
    const rawCopy = await bigWorkspace(join(temp.dir, 'raw'))
    const copiedInMs = performance.now() - started

    const phases: Record<string, number> = {}
    let phaseStart = performance.now()
    const phase = (name: string) => {
      phases[name] = Math.round(performance.now() - phaseStart)
      phaseStart = performance.now()
    }
    const { core, internals } = await openCore({ dataDir: ours.dataDir, deviceName: 'Bench desktop' })
    phase('open core')
    closers.push(() => core.shutdown())
    // Before the first dashboard call: the panels' statement cache prepares through the recorder.
    const recorder = recordSql(internals.db)
    await call(core, 'dashboard.summary', bigWorkspaceRange)
    recorder.log.length = 0 // the first call may also bring indexes up to date; keep a steady-state call
    const recorded = await call(core, 'dashboard.summary', bigWorkspaceRange)
    const log = [...recorder.log]
    recorder.stop()
    phase('first two summaries (recording)')
    expect(log.length).toBeGreaterThan(10)
    expect(log.every((entry) => /^\s*(SELECT|WITH)\b/i.test(entry.sql))).toBe(true)

    const raw = new Database(join(rawCopy.dataDir, databaseFileName), { readonly: true })
    closers.push(() => raw.close())
    const replay = raw.transaction(preparedReplay(raw, log))

    // Our answer is the right one, and the raw replay gets exactly what our code got from SQLite.
    const expected = expectedHeadline()
    phase('plain computation')
    expect(headlineOf(figuresOf(recorded))).toEqual(expected)
    expect(replay()).toEqual(log.map((entry) => entry.result))

    let lastOurs: DashboardSummary | undefined
    let lastRaw: unknown[] = []
    const computed: number[] = []
    const samples = await alternate({
      variants: {
        ours: async () => {
          lastOurs = await call(core, 'dashboard.summary', bigWorkspaceRange)
          computed.push(lastOurs.computedInMs)
        },
        'raw better-sqlite3': () => {
          lastRaw = replay()
        },
      },
      rounds,
      warmUps,
    })
    phase('alternating rounds')
    expect(figuresOf(lastOurs!)).toEqual(figuresOf(recorded))
    expect(lastRaw).toEqual(log.map((entry) => entry.result))
    // Where the time goes: each statement alone on the raw connection (they are the same statements ours runs).
    const slowest = statementTimes(raw, log).slice(0, 3)

    const rpc = distribution(samples.ours)
    const inside = distribution(computed.slice(-rounds))
    const rawTimes = distribution(samples['raw better-sqlite3'])
    const durationMs = performance.now() - started
    const notes = [
      `${rounds} alternating rounds after ${warmUps} warm-ups; the raw connection reads its own copy of the same workspace (the core's lock is exclusive)`,
      `headline: ${JSON.stringify({ ...expected, topPeople: undefined })}`,
      `slowest statements (raw, each alone): ${slowest.map((s) => `${s.ms.toFixed(0)} ms ${s.what}`).join('; ')}`,
      `phases (ms): ${JSON.stringify({ copy: Math.round(copiedInMs), ...phases })}${ours.builtInMs ? `; building the template took ${Math.round(ours.builtInMs / 1000)} s` : ''}`,
    ]
    saveWorkloadResult({
      id: 6,
      title: 'Dashboard',
      measures: [
        {
          name: `dashboard.summary, one year, ${bigWorkspaceSize.contacts} contacts / ${bigWorkspaceSize.interactions} interactions`,
          ours: 'ours',
          baseline: 'raw better-sqlite3',
          figures: [medianFigure('ours', rpc), medianFigure('raw better-sqlite3', rawTimes)],
        },
        {
          name: 'the same, inside the core only (computedInMs: SQL and assembly, no RPC)',
          ours: 'ours (computeDashboard)',
          baseline: 'raw better-sqlite3',
          figures: [medianFigure('ours (computeDashboard)', inside), medianFigure('raw better-sqlite3', rawTimes)],
        },
      ],
      checks: [
        `dashboard.summary's headline figures (engagement, balance, reciprocity totals and top ${expected.topPeople.length} people, new connections, journal, follow-ups due; current and previous year) equal a plain TypeScript computation over the ${bigWorkspaceSize.interactions} generated records`,
        'the last measured round answered exactly the same figures as the recorded one',
        `the raw replay of the ${log.length} recorded statements returns exactly the rows our code got (before and after the rounds)`,
        'every recorded statement is a read (SELECT/WITH)',
      ],
      notes,
      durationMs,
    })
    console.info(notes.join('\n'))
    console.info(`dashboard: ours ${rpc.median.toFixed(1)} ms (computedInMs ${inside.median.toFixed(1)} ms), raw ${rawTimes.median.toFixed(1)} ms, ratio ${(rpc.median / rawTimes.median).toFixed(2)}x; ${log.length} statements; ${Math.round(durationMs / 1000)} s`)
  }, 600_000)
})
