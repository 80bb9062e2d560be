import fc from 'fast-check'
import { propertySeed, recordHostileResult, trialCount } from './trials'

export interface FuzzFilesOptions<T> {
  /** recordHostileResult's id, e.g. "files-vcard". */
  id: string
  tried: string
  runs: { quick: number; long: number }
  arbitrary: fc.Arbitrary<T>
  /** One trial; returns its outcome's name (counted), throws when a rule was broken. */
  trial: (input: T) => Promise<string>
  /** Inputs tried first: the intact file and a cut one, so both outcomes occur in every run however few trials it has. */
  examples: T[]
  /** The input in a few words, recorded for the slowest trial. */
  describe: (input: T) => string
}

/**
 * Runs a fast-check property over hostile files and records the figures: how many trials, how
 * they ended (imported, refused with which error code...), the slowest trial. A broken rule fails
 * the property, fast-check shrinks it to a small file, and the failure is recorded before rethrowing.
 */
export async function fuzzFiles<T>(options: FuzzFilesOptions<T>): Promise<Record<string, number>> {
  const outcomes: Record<string, number> = {}
  const numRuns = trialCount(options.runs)
  let trials = 0
  let slowestMs = 0
  let slowest = ''
  // Chosen here when not given, so a long run's figures name the seed that replays it.
  const seed = propertySeed() ?? Math.floor(Math.random() * 2 ** 31)
  const started = performance.now()
  let failures = 0
  try {
    await fc.assert(
      fc.asyncProperty(options.arbitrary, async (input) => {
        const trialStarted = performance.now()
        trials++
        const outcome = await options.trial(input)
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1
        const took = performance.now() - trialStarted
        if (took > slowestMs) [slowestMs, slowest] = [took, options.describe(input).slice(0, 300)]
      }),
      { seed, numRuns, examples: options.examples.map((example): [T] => [example]) },
    )
  } catch (error) {
    failures = 1
    throw error
  } finally {
    recordHostileResult({
      id: options.id,
      tried: options.tried,
      trials,
      failures,
      durationMs: Math.round(performance.now() - started),
      figures: { ...outcomes, slowestTrialMs: Math.round(slowestMs), slowestTrial: slowest, seed },
    })
  }
  return outcomes
}
