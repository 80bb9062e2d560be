import { readFileSync } from 'node:fs'

/**
 * Runs competitors in the same process, alternating, so that whatever the machine is doing at a
 * moment lands on all of them alike. Each round runs every variant once, the starting variant
 * rotating round by round (A B C, B C A, C A B…), after `warmUps` untimed rounds.
 */
export async function alternate<V extends string>(options: {
  variants: Record<V, () => unknown | Promise<unknown>>
  rounds: number
  warmUps?: number
}): Promise<Record<V, number[]>> {
  const names = Object.keys(options.variants) as V[]
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<V, number[]>
  const warmUps = options.warmUps ?? 1
  for (let round = 0; round < warmUps + options.rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length]!
      const started = performance.now()
      await options.variants[name]()
      const elapsed = performance.now() - started
      if (round >= warmUps) samples[name].push(elapsed)
    }
  }
  return samples
}

export interface Distribution {
  samples: number
  median: number
  p95: number
  p99: number
  min: number
  max: number
}

/** Nearest-rank percentiles of a list of samples (milliseconds or any unit). */
export function distribution(values: readonly number[]): Distribution {
  if (values.length === 0) throw new Error('no samples to summarise')
  const sorted = [...values].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((sorted.length * p) / 100) - 1))]!
  return { samples: sorted.length, median: at(50), p95: at(95), p99: at(99), min: sorted[0]!, max: sorted.at(-1)! }
}

export function median(values: readonly number[]): number {
  return distribution(values).median
}

/**
 * This process's peak resident set size in MB: Linux's VmHWM, the high-water mark of this process
 * image. Not process.resourceUsage().maxRSS where it can be avoided: the kernel carries ru_maxrss
 * over exec, so a child spawned from a 300 MB test worker would report the worker's 300 MB.
 */
export function peakRssMb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (hwm) return Number(hwm[1]) / 1024
  } catch {
    // Not Linux: fall back to maxRSS (right when the parent is small).
  }
  return process.resourceUsage().maxRSS / 1024
}
