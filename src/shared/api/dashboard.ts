import { z } from 'zod'
import type { goalStatuses, goalTargetKinds } from '../network/records'
import type { GoalProgress } from './goals'
import { dateArg, type ContactRef } from './networkCommon'

/**
 * The reflection dashboard: every figure computed in SQL over the index for a date range, each
 * with the same figure for the period of equal length just before it (the trend).
 */
export interface Trend {
  current: number
  previous: number
  /** (current − previous) / previous; null when the previous period had none. */
  change: number | null
}

/** One week (Monday start, ISO date) of the range. */
export interface WeekPoint {
  weekStart: string
  interactions: number
  /** Interactions rated 2 or 3 ("meaningful"). */
  meaningful: number
  inPerson: number
  online: number
}

export interface GoalStatusRow {
  id: string
  title: string
  status: (typeof goalStatuses)[number]
  targetKind: (typeof goalTargetKinds)[number] | null
  progress: GoalProgress | null
  deadline: string | null
  /** Where progress should be by today if it grew evenly from start to deadline, in percent. */
  expectedPercent: number | null
  /** Active, has a target and a deadline, and is behind the even pace (or past the deadline unmet). */
  atRisk: boolean
  daysLeft: number | null
}

export interface ReciprocityPerson {
  contact: ContactRef
  /** Help given and resources given to them (interactions of those kinds, and the ledger). */
  given: number
  received: number
}

export type DiversityDimensionName = 'subjects' | 'roles' | 'schools' | 'regions' | 'communities'

export interface DiversityDimension {
  dimension: DiversityDimensionName
  /** Distinct values among live contacts (communities: among communities interacted with in the range). */
  distinct: number
  /** Shannon evenness of the spread, 0 (all one value) to 1 (even); null with fewer than two values. */
  evenness: number | null
  /** The most common values, most first (at most 8). */
  top: Array<{ value: string; count: number }>
  /** Contacts (or interactions, for communities) with no value, left out of the spread. */
  unknown: number
}

export interface CommunityActivity {
  id: string
  name: string
  /** Any interaction or attended event in the range. */
  active: boolean
  lastActivityOn: string | null
  interactions: number
  goalIds: string[]
}

export interface DashboardSummary {
  range: { from: string; to: string; previousFrom: string; previousTo: string; days: number }
  goals: { rows: GoalStatusRow[]; atRisk: number; onTrack: number; achieved: number }
  engagement: { interactions: Trend; meaningful: Trend; perWeek: WeekPoint[] }
  balance: {
    inPerson: Trend
    online: Trend
    /** In-person share of interactions, 0–1; null when there were none. */
    inPersonShare: { current: number | null; previous: number | null }
  }
  reciprocity: {
    given: Trend
    received: Trend
    /** People with the most exchanges in the range, at most 20. */
    people: ReciprocityPerson[]
  }
  breadth: {
    newConnections: Trend
    diversity: DiversityDimension[]
    communities: CommunityActivity[]
    communitiesActive: number
    communitiesDormant: number
  }
  keepingInTouch: {
    losingTouchTotal: number
    followUpsDueTotal: number
    losingTouch: Array<{ contact: ContactRef; daysOverdue: number; lastInteractionOn: string | null }>
    followUpsDue: Array<{ interactionId: string; date: string; summary: string; contacts: ContactRef[]; daysOverdue: number }>
  }
  learning: {
    readingToRead: number
    readingInProgress: number
    /** Moved to read (or applied) in the range. */
    readingRead: Trend
    readingApplied: Trend
    journalEntries: Trend
    setbacks: number
    setbacksWithLesson: number
    lessonsLearned: number
    /** Lesson projects (not archived) changed in the range, and all of them. */
    projectsActive: Trend
    projectsTotal: number
  }
  /** How long the whole computation took in the core, in milliseconds. */
  computedInMs: number
}

export const dashboardArgs = {
  /** Every figure for from–to (inclusive) and the period of equal length before; `today` is the UI's local day. */
  'dashboard.summary': z.object({ from: dateArg, to: dateArg, today: dateArg }).refine((a) => a.from <= a.to, { message: 'from is after to' }),
}

export interface DashboardResults {
  'dashboard.summary': DashboardSummary
}
