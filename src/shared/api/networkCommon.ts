import { z } from 'zod'
import { isoDate } from '../network/records'

/** Argument pieces shared by the learning-network domains. */
export const recordId = z.string().min(1).max(64)
export const page = {
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).default(0),
}
export const direction = z.enum(['asc', 'desc'])
export const dateArg = isoDate
/** Which records a list shows: the live ones (default) or the deleted ones (the trash, for undo). */
export const deletedFilter = z.enum(['live', 'deleted']).default('live')

/** Returned by every delete and bulk edit; `undo.apply` puts back what it changed. */
export interface UndoReceipt {
  undoToken: string
  /** How many records the operation changed. */
  changed: number
}

/** A contact named in another record's list row. */
export interface ContactRef {
  id: string
  name: string
}
