import type { Database } from 'better-sqlite3'
import type { CheckInFigureName } from '@shared/api/reflection'
import { computeDashboard } from '../dashboard/computeDashboard'

/**
 * The figures a check-in form shows for its period, taken from the dashboard's computation so
 * the two never disagree. The in-person share is left out when the period had no interactions
 * (0% would read as "all online").
 */
export function prefillFigures(db: Database, args: { periodStart: string; periodEnd: string; today: string }): Partial<Record<CheckInFigureName, number>> {
  const summary = computeDashboard(db, { from: args.periodStart, to: args.periodEnd, today: args.today })
  const share = summary.balance.inPersonShare.current
  return {
    interactions: summary.engagement.interactions.current,
    meaningfulConversations: summary.engagement.meaningful.current,
    ...(share === null ? {} : { inPersonSharePercent: Math.round(share * 100) }),
    given: summary.reciprocity.given.current,
    received: summary.reciprocity.received.current,
    goalsAtRisk: summary.goals.atRisk,
    journalEntries: summary.learning.journalEntries.current,
    readingApplied: summary.learning.readingApplied.current,
  }
}
