import type { TouchState } from '../api/contacts'

/**
 * The keeping-in-touch rules, pure. The index stores each contact's cadence in force and the
 * day it runs out (computed in SQL from the same rule as `dueOn`); these decide what that means
 * on a given day.
 */

/** The cadence in force: the contact's own, else the shortest of its tags', else the default. */
export function effectiveCadence(own: number | null, tagCadences: readonly number[], defaultDays: number | null): number | null {
  if (own !== null) return own
  if (tagCadences.length > 0) return Math.min(...tagCadences)
  return defaultDays
}

/** The day the cadence runs out: `cadence` days after the last interaction (or after the contact was added). */
export function dueOn(lastInteractionOn: string | null, addedOn: string, cadenceDays: number | null): string | null {
  if (cadenceDays === null) return null
  return addDays(lastInteractionOn ?? addedOn, cadenceDays)
}

export function touchState(dueDay: string | null, snoozedUntil: string | null, today: string): TouchState {
  if (dueDay === null) return 'no-cadence'
  if (dueDay > today) return 'ok'
  return snoozedUntil !== null && snoozedUntil > today ? 'snoozed' : 'losing-touch'
}

/** Whole days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** The UTC day of an instant (how the core dates a record's creation). */
export function dayOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10)
}
