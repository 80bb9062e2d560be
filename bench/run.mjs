// npm run bench [-- <workload numbers>] — the seven side-by-side workloads of docs/BENCHMARKS.md,
// each in its own vitest process (project 'bench') one after another, so they never share the two
// cores. Each workload checks its own answers and writes bench/results/parts/workload-N.json; this
// prints the table and merges the figures into bench/results/latest.json. Never part of npm test.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatTable, ratioRows } from './table.mjs'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const partsDir = join(root, 'bench/results/parts')
const latestFile = join(root, 'bench/results/latest.json')

export const workloads = [
  { id: 1, file: 'bench/workloads/editingTrace.bench-test.ts' },
  { id: 2, file: 'bench/workloads/storage.bench-test.ts' },
  { id: 3, file: 'bench/workloads/initialSync.bench-test.ts' },
  { id: 4, file: 'bench/workloads/coEditLatency.bench-test.ts' },
  { id: 5, file: 'bench/workloads/search.bench-test.ts' },
  { id: 6, file: 'bench/workloads/dashboard.bench-test.ts' },
  { id: 7, file: 'bench/workloads/coldStart.bench-test.ts' },
]

const asked = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n))
const chosen = asked.length ? workloads.filter((w) => asked.includes(w.id)) : workloads
const started = performance.now()
const loadBefore = loadavg()[0]
const outcomes = []
for (const workload of chosen) {
  rmSync(join(partsDir, `workload-${workload.id}.json`), { force: true })
  const began = performance.now()
  console.info(`\n=== workload ${workload.id}: ${workload.file}`)
  const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'bench', '--maxWorkers=1', workload.file], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, STAFFROOM_BENCH: '1' },
  })
  const seconds = (performance.now() - began) / 1000
  const partFile = join(partsDir, `workload-${workload.id}.json`)
  const passed = run.status === 0 && existsSync(partFile)
  outcomes.push({ id: workload.id, passed, seconds, result: passed ? JSON.parse(readFileSync(partFile, 'utf8')) : undefined })
}
const totalSeconds = (performance.now() - started) / 1000

const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverage1m: { before: loadBefore, after: loadavg()[0] } }
const previous = existsSync(latestFile) ? JSON.parse(readFileSync(latestFile, 'utf8')) : { workloads: [] }
const measuredAt = new Date().toISOString()
const fresh = outcomes.filter((o) => o.passed).map((o) => ({ ...o.result, measuredAt, wallSeconds: Math.round(o.seconds * 10) / 10, ratios: ratioRows(o.result) }))
const kept = (previous.workloads ?? []).filter((w) => !fresh.some((f) => f.id === w.id))
const merged = [...kept, ...fresh].sort((a, b) => a.id - b.id)
mkdirSync(dirname(latestFile), { recursive: true })
writeFileSync(latestFile, `${JSON.stringify({ measuredAt, machine, lastRun: { workloads: chosen.map((w) => w.id), totalSeconds: Math.round(totalSeconds) }, workloads: merged }, null, 2)}\n`)

console.info(`\n${formatTable(fresh)}`)
for (const o of outcomes) console.info(`workload ${o.id}: ${o.passed ? 'passed' : 'FAILED'} in ${o.seconds.toFixed(0)} s`)
console.info(`${outcomes.filter((o) => o.passed).length}/${outcomes.length} workloads passed in ${(totalSeconds / 60).toFixed(1)} min on ${machine.cpus} cores -> ${latestFile}`)
process.exit(outcomes.every((o) => o.passed) ? 0 : 1)
