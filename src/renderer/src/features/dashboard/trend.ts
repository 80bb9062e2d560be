import type { Trend } from '@shared/api/dashboard'

export type TrendDirection = 'up' | 'down' | 'same' | 'none'

export interface TrendWords {
  direction: TrendDirection
  /** What is shown next to the figure: "20%", "new", "0%", "–". */
  short: string
  /** What a screen reader says: "up 20% on the previous 30 days". */
  spoken: string
}

/** A percentage a person reads: whole numbers, and "less than 1%" rather than a misleading 0%. */
function percentWords(change: number): string {
  const percent = Math.round(Math.abs(change) * 100)
  return percent === 0 ? 'less than 1%' : `${percent.toLocaleString()}%`
}

/** How a figure moved against the same figure over `period` (e.g. "the previous 30 days"). */
export function describeTrend(trend: Trend, period: string): TrendWords {
  if (trend.change === null) {
    if (trend.current === 0) return { direction: 'none', short: '–', spoken: `none in this period or ${period}` }
    return { direction: 'up', short: 'new', spoken: `up from none in ${period}` }
  }
  if (trend.current === trend.previous) return { direction: 'same', short: '0%', spoken: `the same as ${period}` }
  const words = percentWords(trend.change)
  const direction = trend.current > trend.previous ? 'up' : 'down'
  return { direction, short: words === 'less than 1%' ? '<1%' : words, spoken: `${direction} ${words} on ${period}` }
}

/** A share's move in percentage points: "up 5 points on the previous 30 days". */
export function describeShareChange(current: number | null, previous: number | null, period: string): TrendWords {
  if (current === null) return { direction: 'none', short: '–', spoken: 'no interactions in this period' }
  if (previous === null) return { direction: 'none', short: '–', spoken: `no interactions in ${period} to compare with` }
  const points = Math.round((current - previous) * 100)
  if (points === 0) return { direction: 'same', short: '0 pts', spoken: `the same as ${period}` }
  const direction = points > 0 ? 'up' : 'down'
  const amount = Math.abs(points)
  return { direction, short: `${amount} pt${amount === 1 ? '' : 's'}`, spoken: `${direction} ${amount} point${amount === 1 ? '' : 's'} on ${period}` }
}

/** 0.4 → "40%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`
}
