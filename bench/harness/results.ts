import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Distribution } from './sideBySide'

export type Unit = 'ms' | 's' | 'MB' | 'KB' | 'bytes'

/** One variant's figure for a measure; lower is better for every measure we report. */
export interface Figure {
  variant: string
  value: number
  unit: Unit
  /** Present when the value is the median of several samples. */
  p95?: number
  p99?: number
  samples?: number
}

/** A measure compared across variants: `ours` against `baseline` gives the ratio the issue asks for. */
export interface Measure {
  name: string
  ours: string
  baseline: string
  figures: Figure[]
}

export interface WorkloadResult {
  /** 1…7, the workload's number in docs/BENCHMARKS.md. */
  id: number
  title: string
  measures: Measure[]
  /** The correctness checks this run passed, in words (a fast wrong answer fails the workload). */
  checks: string[]
  notes?: string[]
  durationMs: number
}

const resultsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../results')
export const partsDir = join(resultsDir, 'parts')

/** A figure from a distribution of samples: the median, with its tail. */
export function medianFigure(variant: string, d: Distribution, unit: Unit = 'ms'): Figure {
  return { variant, value: d.median, unit, p95: d.p95, p99: d.p99, samples: d.samples }
}

/** Writes one workload's result where `npm run bench` collects it (bench/results/parts). */
export function saveWorkloadResult(result: WorkloadResult): void {
  for (const measure of result.measures) {
    const variants = new Set(measure.figures.map((f) => f.variant))
    if (!variants.has(measure.ours) || !variants.has(measure.baseline))
      throw new Error(`${result.title}: measure "${measure.name}" lacks a figure for ${measure.ours} or ${measure.baseline}`)
  }
  mkdirSync(partsDir, { recursive: true })
  writeFileSync(join(partsDir, `workload-${result.id}.json`), `${JSON.stringify(result, null, 2)}\n`)
}
