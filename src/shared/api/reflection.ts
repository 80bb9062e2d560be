import { z } from 'zod'
import { checkInFields, type CheckIn } from '../network/records'
import { patchSchema } from '../network/patchSchema'
import { dateArg, deletedFilter, page, recordId, type UndoReceipt } from './networkCommon'

/**
 * Reflection: check-ins on a schedule the teacher picks (the article's four questions, rated 1–5
 * with free text, pre-filled with the period's figures) and suggestions explained by the data
 * behind them. The schedule and the dismissed suggestions live in the workspace document.
 */

export const reflectionCadences = ['weekly', 'monthly', 'term', 'off'] as const
export type ReflectionCadence = (typeof reflectionCadences)[number]

export interface ReflectionSchedule {
  cadence: ReflectionCadence
  /** The last days of the teacher's terms (for 'term'), ascending. */
  termEnds: string[]
}

export interface DismissedSuggestion {
  key: string
  /** When it was dismissed (epoch ms). */
  at: number
}

export interface ReflectionSettings {
  schedule: ReflectionSchedule
  dismissed: DismissedSuggestion[]
}

export interface CheckInPeriod {
  start: string
  end: string
}

export interface CheckInDue {
  schedule: ReflectionSchedule
  due: boolean
  /** The period a check-in written now covers; null when none is due. */
  period: CheckInPeriod | null
  /** When the next one falls due (when none is due now); null when off or no later term end is known. */
  nextDueOn: string | null
  lastCheckIn: { id: string; date: string; periodStart: string; periodEnd: string } | null
}

/** The figures a check-in snapshots, in the order the form shows them. */
export const checkInFigureNames = [
  'interactions',
  'meaningfulConversations',
  'inPersonSharePercent',
  'given',
  'received',
  'goalsAtRisk',
  'journalEntries',
  'readingApplied',
] as const
export type CheckInFigureName = (typeof checkInFigureNames)[number]

export const checkInFigureLabels: Record<CheckInFigureName, string> = {
  interactions: 'Interactions',
  meaningfulConversations: 'Meaningful conversations',
  inPersonSharePercent: 'In person (%)',
  given: 'Help and resources given',
  received: 'Help and resources received',
  goalsAtRisk: 'Goals at risk',
  journalEntries: 'Journal entries',
  readingApplied: 'Readings applied in class',
}

/** The four questions' ratings of one check-in (null = not rated). */
export interface CheckInRatings {
  goals: number | null
  conversations: number | null
  learning: number | null
  adjust: number | null
}

export interface CheckInRow {
  id: string
  date: string
  cadence: CheckIn['cadence']
  periodStart: string
  periodEnd: string
  ratings: CheckInRatings
  figures: Record<string, number>
  deleted: boolean
  createdAt: number
  updatedAt: number
}

/** One point of the ratings chart: a live check-in, oldest first. */
export interface CheckInRatingPoint extends CheckInRatings {
  id: string
  date: string
  periodEnd: string
}

export const suggestionKinds = ['reconnect', 'give-back', 'in-person', 'community', 'lesson'] as const
export type SuggestionKind = (typeof suggestionKinds)[number]

export interface Suggestion {
  /** Stable while the situation behind it stays the same; a new situation gets a new key (DECISIONS). */
  key: string
  kind: SuggestionKind
  title: string
  /** One or two sentences built from the data behind it. */
  explanation: string
  evidence: Array<{ label: string; value: string }>
  /** Where its data is: a route hash such as `#/contacts?id=…`. */
  link: { href: string; label: string }
}

const suggestionKey = z.string().trim().min(1).max(300)

export const reflectionArgs = {
  'reflection.settings': z.object({}),
  /** Term end dates matter only for 'term', which needs at least one. */
  'reflection.setSchedule': z
    .object({ cadence: z.enum(reflectionCadences), termEnds: z.array(dateArg).max(40).default([]) })
    .refine((a) => a.cadence !== 'term' || a.termEnds.length > 0, { message: 'Add at least one term end date for an end-of-term schedule', path: ['termEnds'] }),
  /** Whether a check-in is due on `today` (the UI's local day) and for which period. */
  'reflection.due': z.object({ today: dateArg }),
  /** The period's figures for the check-in form, from the dashboard's computation. */
  'reflection.prefill': z
    .object({ periodStart: dateArg, periodEnd: dateArg, today: dateArg })
    .refine((a) => a.periodStart <= a.periodEnd, { message: 'The period starts after it ends' }),

  'checkIns.create': z.object({ fields: checkInFields }),
  'checkIns.update': z.object({ id: recordId, patch: patchSchema(checkInFields) }),
  'checkIns.get': z.object({ id: recordId }),
  /** Newest first; `ratings` holds every live check-in's ratings, oldest first, for the chart. */
  'checkIns.list': z.object({ from: dateArg.optional(), to: dateArg.optional(), show: deletedFilter, ...page }),
  'checkIns.delete': z.object({ id: recordId }),
  'checkIns.restore': z.object({ id: recordId }),

  /** Suggestions for the dashboard's range from–to; `today` dates "overdue" and "days ago". */
  'suggestions.list': z
    .object({ from: dateArg, to: dateArg, today: dateArg })
    .refine((a) => a.from <= a.to, { message: 'from is after to' }),
  'suggestions.dismiss': z.object({ key: suggestionKey }),
  'suggestions.undismiss': z.object({ key: suggestionKey }),
}

export interface ReflectionResults {
  'reflection.settings': ReflectionSettings
  'reflection.setSchedule': ReflectionSettings
  'reflection.due': CheckInDue
  'reflection.prefill': { figures: Partial<Record<CheckInFigureName, number>> }
  'checkIns.create': { checkIn: CheckIn; row: CheckInRow }
  'checkIns.update': { checkIn: CheckIn; row: CheckInRow }
  'checkIns.get': { checkIn: CheckIn; row: CheckInRow }
  'checkIns.list': { rows: CheckInRow[]; total: number; ratings: CheckInRatingPoint[] }
  'checkIns.delete': UndoReceipt
  'checkIns.restore': { checkIn: CheckIn; row: CheckInRow }
  'suggestions.list': { suggestions: Suggestion[]; dismissedCount: number }
  'suggestions.dismiss': { key: string; dismissedAt: number }
  'suggestions.undismiss': { key: string }
}
