import type { GoalRow } from '@shared/api/goals'
import { localDay } from '../dates'

function dayNumber(isoDay: string): number {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number]
  return Date.UTC(year, month - 1, day) / 86_400_000
}

/**
 * An active goal is at risk when less of its target is done than of its time has passed
 * (or its deadline has passed unmet).
 */
export function isAtRisk(row: GoalRow, today = localDay()): boolean {
  if (row.status !== 'active' || !row.progress || !row.deadline || row.progress.percent >= 100) return false
  const start = dayNumber(row.progress.from)
  const end = dayNumber(row.deadline)
  const now = dayNumber(today)
  if (now >= end) return true
  if (end <= start) return false
  const timeUsed = ((now - start) / (end - start)) * 100
  return row.progress.percent < timeUsed
}
