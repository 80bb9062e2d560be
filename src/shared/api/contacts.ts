import { z } from 'zod'
import { limits } from '../limits'
import { contactFields, type Contact } from '../network/records'
import { patchSchema } from '../network/patchSchema'
import { dateArg, deletedFilter, direction, page, recordId, type UndoReceipt } from './networkCommon'
import type { InteractionRow } from './interactions'
import type { TagCount } from './notes'

/** Where a contact stands against its keep-in-touch cadence on a given day. */
export type TouchState = 'no-cadence' | 'ok' | 'losing-touch' | 'snoozed'

/** A contact as lists show it (projected in the index). */
export interface ContactRow {
  id: string
  name: string
  role: string
  organisation: string
  tags: string[]
  thoughtLeader: boolean
  /** YYYY-MM-DD of the latest live interaction, null if none. */
  lastInteractionOn: string | null
  interactionCount: number
  /** The cadence in force: the contact's own, else the shortest of its tags' cadences, else null. */
  cadenceDays: number | null
  /** When the cadence runs out (from the last interaction, or from when the contact was added). */
  dueOn: string | null
  touch: TouchState
  deleted: boolean
  createdAt: number
  updatedAt: number
}

export interface ContactDetail {
  contact: Contact
  row: ContactRow
  interactions: { total: number; recent: InteractionRow[] }
}

const tag = z.string().trim().min(1).max(limits.tagChars)
export const contactPatch = patchSchema(contactFields)

export const contactsArgs = {
  'contacts.create': z.object({ fields: contactFields }),
  'contacts.update': z.object({ id: recordId, patch: contactPatch }),
  /** `today` decides the touch state (the UI's local day); defaults to the core's UTC day. */
  'contacts.get': z.object({ id: recordId, today: dateArg.optional(), recentInteractions: z.number().int().min(0).max(200).default(20) }),
  'contacts.list': z.object({
    query: z.string().max(limits.searchQueryChars).optional(),
    tag: tag.optional(),
    sort: z.enum(['name', 'lastContact', 'created']).default('name'),
    direction: direction.default('asc'),
    show: deletedFilter,
    today: dateArg.optional(),
    ...page,
  }),
  'contacts.tags': z.object({}),
  'contacts.delete': z.object({ id: recordId }),
  'contacts.restore': z.object({ id: recordId }),
  'contacts.bulkUpdate': z.object({
    ids: z.array(recordId).min(1).max(10_000),
    addTags: z.array(tag).max(limits.tagsPerNote).optional(),
    removeTags: z.array(tag).max(limits.tagsPerNote).optional(),
    /** A number sets the contact's own cadence, null clears it; leave out to keep it. */
    cadenceDays: z.number().int().min(1).max(3650).nullable().optional(),
  }),
  'contacts.bulkDelete': z.object({ ids: z.array(recordId).min(1).max(10_000) }),
}

export interface ContactsResults {
  'contacts.create': ContactDetail
  'contacts.update': ContactDetail
  'contacts.get': ContactDetail
  'contacts.list': { rows: ContactRow[]; total: number }
  'contacts.tags': { tags: TagCount[] }
  'contacts.delete': UndoReceipt
  'contacts.restore': ContactDetail
  'contacts.bulkUpdate': UndoReceipt
  'contacts.bulkDelete': UndoReceipt
}
