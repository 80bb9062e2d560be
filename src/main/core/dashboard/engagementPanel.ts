import type { DashboardSummary, WeekPoint } from '@shared/api/dashboard'
import { addDays } from '@shared/network/keepingInTouch'
import { sql, type SqlRunner } from '../storage/sql'
import { trend, weekStartOf, type DashboardRange } from './dashboardRange'

interface Totals {
  interactions: number
  meaningful: number
  inPerson: number
  online: number
}

/**
 * Engagement and balance read the same interactions, from interactions_for_dashboard alone (no
 * row lookups): counted per day in index order, then the days summed per week (SQLite finds the
 * Monday: back 6 days, then on to weekday 1; once per day, not per interaction), and one total
 * for the previous period.
 */
export function engagementAndBalance(runner: SqlRunner, range: DashboardRange): Pick<DashboardSummary, 'engagement' | 'balance'> {
  const weeks = runner.all<WeekPoint>(sql`
    SELECT date(d.day, '-6 days', 'weekday 1') AS weekStart, sum(d.interactions) AS interactions, sum(d.meaningful) AS meaningful,
      sum(d.inPerson) AS inPerson, sum(d.online) AS online
    FROM (
      SELECT i.date AS day, count(*) AS interactions, sum(i.meaningful >= 2) AS meaningful, sum(i.mode = 'in-person') AS inPerson, sum(i.mode = 'online') AS online
      FROM interactions i WHERE i.deleted = 0 AND i.date >= ${range.from} AND i.date <= ${range.to} GROUP BY i.date
    ) d
    GROUP BY weekStart`)
  const previous = runner.get<Totals>(sql`
    SELECT count(*) AS interactions, coalesce(sum(i.meaningful >= 2), 0) AS meaningful,
      coalesce(sum(i.mode = 'in-person'), 0) AS inPerson, coalesce(sum(i.mode = 'online'), 0) AS online
    FROM interactions i WHERE i.deleted = 0 AND i.date >= ${range.previousFrom} AND i.date <= ${range.previousTo}`)!
  const perWeek = everyWeek(range, weeks)
  const current = perWeek.reduce<Totals>(
    (sum, w) => ({ interactions: sum.interactions + w.interactions, meaningful: sum.meaningful + w.meaningful, inPerson: sum.inPerson + w.inPerson, online: sum.online + w.online }),
    { interactions: 0, meaningful: 0, inPerson: 0, online: 0 },
  )
  return {
    engagement: { interactions: trend(current.interactions, previous.interactions), meaningful: trend(current.meaningful, previous.meaningful), perWeek },
    balance: {
      inPerson: trend(current.inPerson, previous.inPerson),
      online: trend(current.online, previous.online),
      inPersonShare: { current: share(current), previous: share(previous) },
    },
  }
}

/** Every week the range touches, empty ones included, so a chart's axis has no gaps. */
function everyWeek(range: DashboardRange, counted: WeekPoint[]): WeekPoint[] {
  const byWeek = new Map(counted.map((w) => [w.weekStart, w]))
  const weeks: WeekPoint[] = []
  for (let week = weekStartOf(range.from); week <= range.to; week = addDays(week, 7)) {
    weeks.push(byWeek.get(week) ?? { weekStart: week, interactions: 0, meaningful: 0, inPerson: 0, online: 0 })
  }
  return weeks
}

function share(totals: Totals): number | null {
  const all = totals.inPerson + totals.online
  return all === 0 ? null : totals.inPerson / all
}
