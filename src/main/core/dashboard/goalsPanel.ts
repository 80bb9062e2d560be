import type { Database } from 'better-sqlite3'
import type { GoalRow } from '@shared/api'
import type { DashboardSummary, GoalStatusRow } from '@shared/api/dashboard'
import { daysBetween } from '@shared/network/keepingInTouch'
import { GoalsQueries } from '../index/network/GoalsQueries'

/**
 * Every live goal with its progress as the goals list counts it (GoalsQueries, one count per goal
 * over its own window), the even pace it should be at today, and whether it is at risk. At-risk
 * goals come first, then the list's deadline order.
 */
export function goalsPanel(db: Database, today: string): DashboardSummary['goals'] {
  // LIMIT -1: no limit (a person has tens of goals, not thousands).
  const { rows } = new GoalsQueries(db).list({ sort: 'deadline', show: 'live', limit: -1, offset: 0 })
  const statusRows = rows.map((row) => goalStatus(row, today))
  const sorted = [...statusRows.filter((r) => r.atRisk), ...statusRows.filter((r) => !r.atRisk)]
  return {
    rows: sorted,
    atRisk: sorted.filter((r) => r.atRisk).length,
    onTrack: sorted.filter((r) => r.status === 'active' && !r.atRisk).length,
    achieved: sorted.filter((r) => r.status === 'achieved').length,
  }
}

export function goalStatus(row: GoalRow, today: string): GoalStatusRow {
  const progress = row.progress
  const expectedPercent = progress !== null && row.deadline !== null ? evenPace(progress.from, row.deadline, today) : null
  const unmetPastDeadline = row.deadline !== null && today > row.deadline && progress !== null && progress.current < progress.target
  const atRisk = row.status === 'active' && progress !== null && expectedPercent !== null && (progress.percent < expectedPercent || unmetPastDeadline)
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    targetKind: row.targetKind,
    progress,
    deadline: row.deadline,
    expectedPercent,
    atRisk,
    daysLeft: row.deadline === null ? null : daysBetween(today, row.deadline),
  }
}

/** The share of start→deadline elapsed on `today`, in whole percent (0 before the start, 100 from the deadline). */
export function evenPace(start: string, deadline: string, today: string): number {
  const span = daysBetween(start, deadline)
  if (span <= 0) return today >= deadline ? 100 : 0
  const elapsed = Math.min(Math.max(daysBetween(start, today), 0), span)
  return Math.floor((elapsed * 100) / span)
}
