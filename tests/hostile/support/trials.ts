import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * How hard the hostile suite tries. CI runs the quick budget inside `npm test`;
 * `STAFFROOM_HOSTILE_LONG=1 npm run test:hostile` runs the long one (docs/RELIABILITY.md).
 */
export const isLongRun = process.env.STAFFROOM_HOSTILE_LONG === '1'

/** The number of trials for this run: `quick` in CI and by default, `long` when asked for. */
export function trialCount({ quick, long }: { quick: number; long: number }): number {
  const override = Number(process.env.STAFFROOM_HOSTILE_TRIALS)
  if (Number.isInteger(override) && override > 0) return override
  return isLongRun ? long : quick
}

/** fast-check's seed: fixed by STAFFROOM_HOSTILE_SEED to replay a failure, random otherwise (printed on failure). */
export function propertySeed(): number | undefined {
  const seed = Number(process.env.STAFFROOM_HOSTILE_SEED)
  return Number.isInteger(seed) ? seed : undefined
}

/** What one hostile test did, for the summary `npm run test:hostile` prints and docs/RELIABILITY.md quotes. */
export interface HostileResult {
  /** Stable id, e.g. "crash-safety". */
  id: string
  /** What was tried, in a few words. */
  tried: string
  trials: number
  /** Trials whose check failed (a passing run has 0; the test itself fails otherwise). */
  failures: number
  durationMs: number
  /** Extra figures worth quoting (e.g. kills before the first acknowledgement). */
  figures?: Record<string, number | string>
}

export const hostileResultsDir = resolve(import.meta.dirname, '../../../test-results/hostile')

/** Records a test's figures under test-results/hostile (gitignored); scripts/hostile-summary.mjs prints them. */
export function recordHostileResult(result: HostileResult): void {
  mkdirSync(hostileResultsDir, { recursive: true })
  const record = { ...result, long: isLongRun, finishedAt: new Date().toISOString() }
  writeFileSync(join(hostileResultsDir, `${result.id}.json`), `${JSON.stringify(record, null, 2)}\n`)
}
