import { z } from 'zod'
import { limits } from '../limits'
import { goalFields, goalStatuses, type Goal } from '../network/records'
import { patchSchema } from '../network/patchSchema'
import { deletedFilter, page, recordId, type ContactRef, type UndoReceipt } from './networkCommon'

/** Progress toward a countable target, counted in the index from the teacher's records. */
export interface GoalProgress {
  current: number
  target: number
  /** 0–100, capped. */
  percent: number
  /** The window counted: from startsOn (or the goal's creation day) to the deadline (or open). */
  from: string
  to: string | null
}

export interface GoalRow {
  id: string
  title: string
  growthArea: string
  status: Goal['status']
  deadline: string | null
  targetKind: NonNullable<Goal['target']>['kind'] | null
  progress: GoalProgress | null
  deleted: boolean
  createdAt: number
  updatedAt: number
}

export interface GoalDetail {
  goal: Goal
  row: GoalRow
  contacts: ContactRef[]
  communities: Array<{ id: string; name: string }>
}

export const goalsArgs = {
  'goals.create': z.object({ fields: goalFields }),
  'goals.update': z.object({ id: recordId, patch: patchSchema(goalFields) }),
  'goals.get': z.object({ id: recordId }),
  'goals.list': z.object({
    query: z.string().max(limits.searchQueryChars).optional(),
    status: z.enum(goalStatuses).optional(),
    sort: z.enum(['deadline', 'title', 'created']).default('deadline'),
    show: deletedFilter,
    ...page,
  }),
  'goals.delete': z.object({ id: recordId }),
  'goals.restore': z.object({ id: recordId }),
}

export interface GoalsResults {
  'goals.create': GoalDetail
  'goals.update': GoalDetail
  'goals.get': GoalDetail
  'goals.list': { rows: GoalRow[]; total: number }
  'goals.delete': UndoReceipt
  'goals.restore': GoalDetail
}
