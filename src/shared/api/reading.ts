import { z } from 'zod'
import { limits } from '../limits'
import { isoDate, readingFields, readingStatuses, type ReadingItem } from '../network/records'
import { patchSchema } from '../network/patchSchema'
import { dateArg, deletedFilter, direction, page, recordId, type UndoReceipt } from './networkCommon'
import type { TagCount } from './notes'

export type ReadingStatus = (typeof readingStatuses)[number]

export interface ReadingRow {
  id: string
  title: string
  url: string | null
  author: string
  source: string
  feedId: string | null
  status: ReadingStatus
  addedOn: string
  readOn: string | null
  appliedOn: string | null
  tags: string[]
  goalIds: string[]
  hasNotes: boolean
  deleted: boolean
  createdAt: number
  updatedAt: number
}

export interface ReadingDetail {
  item: ReadingItem
  row: ReadingRow
  /** The goals it serves that still exist, named. */
  goals: Array<{ id: string; title: string }>
}

/** How many items each status holds under the list's other filters (text, tag, dates, goal). */
export type ReadingStatusCounts = Record<ReadingStatus, number>

/** added = the day it was added; read/applied = the day it moved there (items without one last). */
export const readingSorts = ['added', 'title', 'read', 'applied'] as const

/**
 * The fields of a new item: the core dates it `today` unless addedOn is given, and stamps readOn
 * and appliedOn from the status when they are not given.
 */
const newReadingFields = readingFields.extend({ addedOn: isoDate.optional() })

export const readingArgs = {
  'reading.create': z.object({ fields: newReadingFields, today: dateArg.optional() }),
  /** A status change stamps or clears readOn/appliedOn (see readingStatusDates); `today` is the caller's day. */
  'reading.update': z.object({ id: recordId, patch: patchSchema(readingFields), today: dateArg.optional() }),
  'reading.get': z.object({ id: recordId }),
  'reading.list': z.object({
    query: z.string().max(limits.searchQueryChars).optional(),
    status: z.enum(readingStatuses).optional(),
    tag: z.string().trim().min(1).max(limits.tagChars).optional(),
    /** On the day it was added, inclusive. */
    from: dateArg.optional(),
    to: dateArg.optional(),
    goalId: recordId.optional(),
    sort: z.enum(readingSorts).default('added'),
    direction: direction.default('desc'),
    show: deletedFilter,
    ...page,
  }),
  'reading.tags': z.object({}),
  'reading.delete': z.object({ id: recordId }),
  'reading.restore': z.object({ id: recordId }),
  /**
   * Makes a reading item from a cached feed item (its title, link, author, the feed's title as the
   * source). An item already made from the same feed and address is returned instead of a copy.
   */
  'reading.fromFeedItem': z.object({ itemId: z.string().min(1).max(40), today: dateArg.optional() }),
}

export interface ReadingResults {
  'reading.create': ReadingDetail
  'reading.update': ReadingDetail
  'reading.get': ReadingDetail
  'reading.list': { rows: ReadingRow[]; total: number; counts: ReadingStatusCounts }
  'reading.tags': { tags: TagCount[] }
  'reading.delete': UndoReceipt
  'reading.restore': ReadingDetail
  /** created = a new item; existing = one already made from it (restored from the trash if it was deleted). */
  'reading.fromFeedItem': ReadingDetail & { outcome: 'created' | 'existing' }
}
