import { addDays } from '../network/dates'

export type RangePreset = 'term' | 'last-30' | 'last-90' | 'year'
export type RangeChoice = RangePreset | 'custom'

export interface DateRange {
  from: string
  to: string
}

export const rangeChoiceLabels: Record<RangeChoice, string> = {
  term: 'This term',
  'last-30': 'Last 30 days',
  'last-90': 'Last 90 days',
  year: 'This year',
  custom: 'Custom',
}

export const rangePresets: RangePreset[] = ['term', 'last-30', 'last-90', 'year']

/** What the dashboard shows with no range in the URL: recent enough to act on, long enough for a weekly chart. */
export const defaultPreset: RangePreset = 'last-30'

/** A teacher's last term end older than this is a stale list (last year's dates), not this term's start. */
const termEndStaleDays = 183

/**
 * The first day of the current term. With the term end dates the teacher gave for end-of-term
 * check-ins, the day after the last one before today. Without them (or with only old ones), terms
 * start on 1 September, 1 January and 1 April: the three-term year of UK schools rounded to month
 * starts (the summer break counts with the summer term); a teacher whose terms differ picks Custom
 * or enters their term ends.
 */
export function termStart(today: string, termEnds: readonly string[] = []): string {
  const previousEnd = [...termEnds].sort().filter((end) => end < today).at(-1)
  if (previousEnd && addDays(previousEnd, termEndStaleDays) >= today) return addDays(previousEnd, 1)
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7))
  if (month >= 9) return `${year}-09-01`
  if (month >= 4) return `${year}-04-01`
  return `${year}-01-01`
}

/** The preset's days, ending today (inclusive). */
export function presetRange(preset: RangePreset, today: string, termEnds: readonly string[] = []): DateRange {
  switch (preset) {
    case 'term':
      return { from: termStart(today, termEnds), to: today }
    case 'last-30':
      return { from: addDays(today, -29), to: today }
    case 'last-90':
      return { from: addDays(today, -89), to: today }
    case 'year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today }
  }
}

/** The range the URL names, or the default preset's. */
export function resolveRange(route: { from?: string; to?: string }, today: string): DateRange {
  return route.from && route.to ? { from: route.from, to: route.to } : presetRange(defaultPreset, today)
}

/** Which preset gives exactly this range today; 'custom' when none does. */
export function choiceOf(range: DateRange, today: string, termEnds: readonly string[] = []): RangeChoice {
  return rangePresets.find((preset) => sameRange(presetRange(preset, today, termEnds), range)) ?? 'custom'
}

function sameRange(a: DateRange, b: DateRange): boolean {
  return a.from === b.from && a.to === b.to
}

/** Days from–to, both included. */
export function rangeDays(range: DateRange): number {
  const [fy, fm, fd] = range.from.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = range.to.split('-').map(Number) as [number, number, number]
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000) + 1
}

/** "the previous 30 days", "the previous day": what a trend is measured against. */
export function previousPeriodLabel(days: number): string {
  return days === 1 ? 'the previous day' : `the previous ${days} days`
}

const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' })

/** "3 Nov" for a week starting on that day: the chart's axis label. */
export function weekLabel(weekStart: string): string {
  const [year, month, day] = weekStart.split('-').map(Number) as [number, number, number]
  return shortDay.format(new Date(year, month - 1, day))
}
