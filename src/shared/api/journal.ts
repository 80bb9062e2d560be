import { z } from 'zod'
import { limits } from '../limits'
import { journalFields, journalKinds, type JournalEntry } from '../network/records'
import { patchSchema } from '../network/patchSchema'
import { dateArg, deletedFilter, direction, page, recordId, type UndoReceipt } from './networkCommon'
import type { TagCount } from './notes'

export interface JournalRow {
  id: string
  date: string
  kind: JournalEntry['kind']
  title: string
  /** The start of "what happened", for the list. */
  excerpt: string
  tags: string[]
  contactIds: string[]
  goalIds: string[]
  eventIds: string[]
  deleted: boolean
  createdAt: number
  updatedAt: number
}

export const journalArgs = {
  'journal.create': z.object({ fields: journalFields }),
  'journal.update': z.object({ id: recordId, patch: patchSchema(journalFields) }),
  'journal.get': z.object({ id: recordId }),
  'journal.list': z.object({
    query: z.string().max(limits.searchQueryChars).optional(),
    kind: z.enum(journalKinds).optional(),
    tag: z.string().trim().min(1).max(limits.tagChars).optional(),
    from: dateArg.optional(),
    to: dateArg.optional(),
    contactId: recordId.optional(),
    goalId: recordId.optional(),
    eventId: recordId.optional(),
    direction: direction.default('desc'),
    show: deletedFilter,
    ...page,
  }),
  'journal.tags': z.object({}),
  'journal.delete': z.object({ id: recordId }),
  'journal.restore': z.object({ id: recordId }),
}

export interface JournalResults {
  'journal.create': { entry: JournalEntry; row: JournalRow }
  'journal.update': { entry: JournalEntry; row: JournalRow }
  'journal.get': { entry: JournalEntry; row: JournalRow }
  'journal.list': { rows: JournalRow[]; total: number }
  'journal.tags': { tags: TagCount[] }
  'journal.delete': UndoReceipt
  'journal.restore': { entry: JournalEntry; row: JournalRow }
}
