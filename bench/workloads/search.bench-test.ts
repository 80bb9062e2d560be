import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, expect, it } from 'vitest'
import type { SearchHit } from '@shared/api/notes'
import { openCore } from '../../src/main/core/createCore'
import { databaseFileName } from '../../src/main/core/storage/openDatabase'
import { call } from '../../src/main/core/testing/coreHarness'
import { makeTempDir } from '../../src/main/core/testing/tempDir'
import { medianFigure, saveWorkloadResult, type Measure } from '../harness/results'
import { alternate, distribution } from '../harness/sideBySide'
import { preparedReplay, recordSql, type RecordedStatement } from '../harness/sqlRecorder'
import { rareTerm } from './search/noteCorpus'
import { searchProfile } from './search/searchProfile'

/**
 * Workload 5: full-text search at 10,000 and 100,000 notes through our RPC (notes.search via
 * dispatch: zod validation, flushPending, the FTS5 query, snippet mapping) against the very same
 * SQL replayed on a raw better-sqlite3 connection (recorded from our handler with recordSql).
 * The core holds its file exclusively, so the raw connection reads its own copy of the profile.
 */
const sizes = (process.env.STAFFROOM_BENCH_SEARCH_SIZES ?? '10000,100000').split(',').map(Number)
const queries = [
  { label: 'one word', text: 'photosynthesis' },
  { label: 'two words', text: 'volcanoes homework' },
  { label: 'prefix', text: 'differen' },
  { label: 'rare term', text: rareTerm },
  { label: 'many matches', text: 'lesson' },
] as const
const limit = 20
const rounds = 15
const started = performance.now()
const temp = makeTempDir('staffroom-bench-search-')
const closers: Array<() => unknown> = []
afterAll(async () => {
  for (const close of closers.reverse()) await close()
  temp.remove()
})

it(`notes.search at ${sizes.join(' and ')} notes: ours (RPC) vs the same SQL on raw better-sqlite3`, async () => {
  const measures: Measure[] = []
  const checks: string[] = []
  const notes: string[] = []
  for (const count of sizes) {
    const phase = performance.now()
    const profile = await searchProfile(count, join(temp.dir, `ours-${count}`))
    const rawCopy = await searchProfile(count, join(temp.dir, `raw-${count}`))
    const copiedAt = performance.now()
    const { core, internals } = await openCore({ dataDir: profile.dataDir })
    closers.push(() => core.shutdown())
    const openedAt = performance.now()
    expect(core.stats().notes).toBe(count)

    // Record the SQL of each query as our handler runs it (first call prepares the statement).
    const recorder = recordSql(internals.db)
    const logs: RecordedStatement[][] = []
    const first: SearchHit[][] = []
    for (const query of queries) {
      const from = recorder.log.length
      first.push((await call(core, 'notes.search', { text: query.text, limit })).hits)
      logs.push(recorder.log.slice(from))
    }
    recorder.stop()
    // The recorder's statements are proxies cached in NotesIndex's SqlRunner; drop them so the
    // timed calls below use plain better-sqlite3 statements, as in the app.
    ;(internals.ctx.notesIndex as unknown as { sql: { statements: Map<string, unknown> } }).sql.statements.clear()

    const raw = new Database(join(rawCopy.dataDir, databaseFileName), { readonly: true })
    closers.push(() => raw.close())
    const replays = logs.map((log) => preparedReplay(raw, log))

    // Correct answers: known notes found, ours and raw identical (ids and order), replay = recorded rows.
    const hitsOf = (i: number) => first[i]!
    expect(hitsOf(3).map((h) => h.id).sort()).toEqual([...profile.plantedIds].sort())
    expect(hitsOf(3).every((h) => h.snippet.some((p) => p.match && p.text.toLowerCase() === rareTerm))).toBe(true)
    queries.forEach((query, i) => {
      expect(logs[i]!.length, `${query.label}: one statement`).toBe(1)
      expect(logs[i]![0]!.sql).toContain('notes_fts MATCH')
      const rows = replays[i]!()[0] as Array<{ id: string }>
      expect(rows).toEqual(logs[i]![0]!.result)
      expect(rows.map((r) => r.id)).toEqual(hitsOf(i).map((h) => h.id))
      if (query.label !== 'rare term') expect(hitsOf(i).length, query.label).toBe(limit)
    })
    const noteZero = (await call(core, 'notes.search', { text: 'Lesson 0', limit: 100 })).hits
    expect(noteZero.some((h) => h.id === profile.firstId)).toBe(true)

    for (const [i, query] of queries.entries()) {
      let oursHits: SearchHit[] = []
      let rawRows: Array<{ id: string }> = []
      const samples = await alternate({
        variants: {
          ours: async () => {
            oursHits = (await call(core, 'notes.search', { text: query.text, limit })).hits
          },
          'raw better-sqlite3': () => {
            rawRows = replays[i]!()[0] as Array<{ id: string }>
          },
        },
        rounds,
        warmUps: 2,
      })
      expect(oursHits.map((h) => h.id)).toEqual(rawRows.map((r) => r.id))
      const o = distribution(samples.ours)
      const r = distribution(samples['raw better-sqlite3'])
      measures.push({
        name: `search "${query.text}" (${query.label}), ${count.toLocaleString('en')} notes`,
        ours: 'ours',
        baseline: 'raw better-sqlite3',
        figures: [medianFigure('ours', o), medianFigure('raw better-sqlite3', r)],
      })
      notes.push(`${count} notes, ${query.label}: ours ${o.median.toFixed(2)} ms, raw ${r.median.toFixed(2)} ms (${(o.median / r.median).toFixed(2)}x), ${oursHits.length} hits`)
    }
    checks.push(
      `${count.toLocaleString('en')} notes: the rare term finds exactly the ${profile.plantedIds.length} planted notes (with the match marked in the snippet); "Lesson 0" finds note 0`,
      `${count.toLocaleString('en')} notes: for all ${queries.length} queries the raw replay returns exactly the rows our handler got, and our hits have the same ids in the same order (before and after the rounds)`,
    )
    notes.push(
      `${count} notes: profile ${profile.builtInMs ? `built in ${(profile.builtInMs / 1000).toFixed(1)} s` : 'from cache'}; copies ${((copiedAt - phase) / 1000).toFixed(1)} s; core open ${((openedAt - copiedAt) / 1000).toFixed(1)} s`,
    )
    await core.shutdown()
  }
  notes.push(`${rounds} alternating rounds per query after 2 warm-ups; limit ${limit}; the raw connection reads its own copy of the same profile (the core's lock is exclusive)`)
  console.info(notes.join('\n'))
  saveWorkloadResult({ id: 5, title: 'Search', measures, checks, notes, durationMs: performance.now() - started })
}, 1_800_000)
