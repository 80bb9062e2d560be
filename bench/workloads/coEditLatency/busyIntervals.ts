import { SqlRunner } from '../../../src/main/core/storage/sql'

/**
 * Intervals during which the event loop was busy with something synchronous we want to account
 * for (better-sqlite3 statements, fsync included), and how much of a time window they covered.
 */
export class BusyIntervals {
  readonly spans: Array<{ began: number; ended: number }> = []
  recording = false

  add(began: number, ended: number): void {
    if (this.recording) this.spans.push({ began, ended })
  }

  /** Milliseconds of [from, to] spent inside recorded intervals. */
  within(from: number, to: number): number {
    let sum = 0
    for (const s of this.spans) if (s.ended > from && s.began < to) sum += Math.min(to, s.ended) - Math.max(from, s.began)
    return sum
  }

  durations(): number[] {
    return this.spans.map((s) => s.ended - s.began)
  }
}

/**
 * Times every statement and transaction our core code runs through SqlRunner (storage saves,
 * indexers, access checks: all of it synchronous on the event loop), outermost call only.
 * Returns the function that puts SqlRunner back.
 */
export function timeSqlRunner(into: BusyIntervals): () => void {
  const proto = SqlRunner.prototype as unknown as Record<'all' | 'get' | 'run' | 'transaction', (...args: unknown[]) => unknown>
  const originals = { all: proto.all, get: proto.get, run: proto.run, transaction: proto.transaction }
  let depth = 0
  for (const name of Object.keys(originals) as Array<keyof typeof originals>) {
    const original = originals[name]
    proto[name] = function timed(this: unknown, ...args: unknown[]) {
      const began = depth++ === 0 ? performance.now() : 0
      try {
        return original.apply(this, args)
      } finally {
        if (--depth === 0) into.add(began, performance.now())
      }
    }
  }
  return () => Object.assign(proto, originals)
}
