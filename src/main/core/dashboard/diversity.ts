import type { DiversityDimension, DiversityDimensionName } from '@shared/api/dashboard'

/** Values shown per dimension. */
export const diversityTopLimit = 8

/**
 * A dimension's spread from its value counts (already grouped in SQL, most first): how many
 * distinct values, and Shannon evenness H / ln(k), where H = −Σ p·ln p over the values' shares.
 */
export function diversityOf(dimension: DiversityDimensionName, counts: ReadonlyArray<{ value: string; count: number }>, unknown: number): DiversityDimension {
  return { dimension, distinct: counts.length, evenness: shannonEvenness(counts.map((c) => c.count)), top: counts.slice(0, diversityTopLimit), unknown }
}

export function shannonEvenness(counts: readonly number[]): number | null {
  if (counts.length < 2) return null
  const total = counts.reduce((a, b) => a + b, 0)
  const entropy = -counts.reduce((h, n) => h + (n / total) * Math.log(n / total), 0)
  return entropy / Math.log(counts.length)
}
