import type { Trend } from '@shared/api/dashboard'
import { addDays, daysBetween } from '@shared/network/keepingInTouch'

/** The range the dashboard covers and the period of equal length just before it, all inclusive. */
export interface DashboardRange {
  from: string
  to: string
  previousFrom: string
  previousTo: string
  days: number
}

export function dashboardRange(from: string, to: string): DashboardRange {
  const days = daysBetween(from, to) + 1
  return { from, to, previousFrom: addDays(from, -days), previousTo: addDays(from, -1), days }
}

export function trend(current: number, previous: number): Trend {
  return { current, previous, change: previous === 0 ? null : (current - previous) / previous }
}

/** Epoch ms bounds [start, end) of the UTC days from–to, for columns that hold instants. */
export function instantBounds(from: string, to: string): { start: number; end: number } {
  return { start: Date.parse(`${from}T00:00:00Z`), end: Date.parse(`${addDays(to, 1)}T00:00:00Z`) }
}

/** The Monday (ISO week start) of the week holding `day`. */
export function weekStartOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return addDays(day, -((weekday + 6) % 7))
}
