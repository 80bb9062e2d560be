import type { CheckInDue, CheckInPeriod, ReflectionSchedule } from '@shared/api/reflection'
import { addDays } from '@shared/network/keepingInTouch'

/** The last check-in as the schedule sees it (the live one whose period ends latest). */
export interface LastCheckIn {
  id: string
  date: string
  periodStart: string
  periodEnd: string
}

/** An end-of-term check-in may be written from this many days before the term ends. */
export const termLeadDays = 7
/** A first term check-in, with no earlier term end or check-in to start from, covers about a term. */
const firstTermDays = 91

/** The same day `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  const index = year * 12 + (month - 1) + months
  const targetYear = Math.floor(index / 12)
  const targetMonth = index - targetYear * 12
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate()
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(date, lastDay))).toISOString().slice(0, 10)
}

/**
 * Whether a check-in is due on `today`, and for which period.
 *
 * Weekly and monthly count from the end of the last check-in's period: one falls due a week (a
 * month) after it and covers everything since, up to today; with no check-in yet one is due now
 * for the past week (month). End of term: one falls due a week before each term end the last
 * check-in does not cover yet, and covers the time since the last check-in (or the previous term
 * end) up to that term end. Off: never due.
 */
export function checkInDue(schedule: ReflectionSchedule, last: LastCheckIn | null, today: string): CheckInDue {
  const base = { schedule, lastCheckIn: last }
  const notDue = (nextDueOn: string | null): CheckInDue => ({ ...base, due: false, period: null, nextDueOn })
  const dueFor = (period: CheckInPeriod): CheckInDue => ({ ...base, due: true, period, nextDueOn: null })

  switch (schedule.cadence) {
    case 'off':
      return notDue(null)
    case 'weekly':
    case 'monthly': {
      const step = (day: string, n: number) => (schedule.cadence === 'weekly' ? addDays(day, 7 * n) : addMonths(day, n))
      if (!last) return dueFor({ start: addDays(step(today, -1), 1), end: today })
      const nextDueOn = step(last.periodEnd, 1)
      if (today < nextDueOn) return notDue(nextDueOn)
      return dueFor({ start: addDays(last.periodEnd, 1), end: today })
    }
    case 'term': {
      const ends = [...schedule.termEnds].sort()
      const uncovered = ends.filter((end) => !last || end > last.periodEnd)
      const open = uncovered.filter((end) => addDays(end, -(termLeadDays - 1)) <= today)
      const termEnd = open.at(-1)
      if (termEnd === undefined) {
        const next = uncovered[0]
        return notDue(next === undefined ? null : addDays(next, -(termLeadDays - 1)))
      }
      const previousEnd = ends.filter((end) => end < termEnd).at(-1)
      const start = last ? addDays(last.periodEnd, 1) : previousEnd ? addDays(previousEnd, 1) : addDays(termEnd, -(firstTermDays - 1))
      return dueFor({ start, end: termEnd })
    }
  }
}
