// Prints the figures the hostile tests recorded in this run (test-results/hostile/*.json) as one table.
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const dir = join(import.meta.dirname, '..', 'test-results', 'hostile')
const since = Number(process.argv[2] ?? 0)
const rows = existsSync(dir)
  ? readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')))
      .filter((row) => Date.parse(row.finishedAt) >= since)
      .sort((a, b) => a.id.localeCompare(b.id))
  : []
if (rows.length === 0) {
  console.log('hostile suite: no results recorded')
} else {
  console.log(`hostile suite (${rows[0].long ? 'long' : 'quick'} run):`)
  for (const row of rows) {
    const figures = Object.entries(row.figures ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')
    console.log(`  ${row.id.padEnd(28)} ${String(row.trials).padStart(6)} trials  ${String(row.failures).padStart(3)} failures  ${(row.durationMs / 1000).toFixed(1).padStart(6)} s  ${row.tried}${figures ? ` (${figures})` : ''}`)
  }
}
