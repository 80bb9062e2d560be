import { z } from 'zod'
import { limits } from '../limits'
import { interactionFields, interactionKinds, interactionModes, type Interaction } from '../network/records'
import { patchSchema } from '../network/patchSchema'
import { dateArg, deletedFilter, direction, page, recordId, type ContactRef, type UndoReceipt } from './networkCommon'

/** An interaction as lists show it, with the names of the people and places it links to. */
export interface InteractionRow {
  id: string
  date: string
  contacts: ContactRef[]
  communityId: string | null
  communityName: string | null
  eventId: string | null
  eventTitle: string | null
  mode: Interaction['mode']
  channel: Interaction['channel']
  kind: Interaction['kind']
  /** The summary, cut to the excerpt length. */
  summary: string
  meaningful: number
  followUpOn: string | null
  followUpDone: boolean
  deleted: boolean
  createdAt: number
  updatedAt: number
}

export const interactionPatch = patchSchema(interactionFields)

export const interactionsArgs = {
  /** The quick-log: a few fields, the rest defaults. */
  'interactions.log': z.object({ fields: interactionFields }),
  'interactions.update': z.object({ id: recordId, patch: interactionPatch }),
  'interactions.get': z.object({ id: recordId }),
  'interactions.list': z.object({
    contactId: recordId.optional(),
    communityId: recordId.optional(),
    eventId: recordId.optional(),
    from: dateArg.optional(),
    to: dateArg.optional(),
    mode: z.enum(interactionModes).optional(),
    kind: z.enum(interactionKinds).optional(),
    query: z.string().max(limits.searchQueryChars).optional(),
    direction: direction.default('desc'),
    show: deletedFilter,
    ...page,
  }),
  'interactions.setFollowUpDone': z.object({ id: recordId, done: z.boolean() }),
  'interactions.delete': z.object({ id: recordId }),
  'interactions.restore': z.object({ id: recordId }),
}

export interface InteractionsResults {
  'interactions.log': { interaction: Interaction; row: InteractionRow }
  'interactions.update': { interaction: Interaction; row: InteractionRow }
  'interactions.get': { interaction: Interaction; row: InteractionRow }
  'interactions.list': { rows: InteractionRow[]; total: number }
  'interactions.setFollowUpDone': { interaction: Interaction; row: InteractionRow }
  'interactions.delete': UndoReceipt
  'interactions.restore': { interaction: Interaction; row: InteractionRow }
}
