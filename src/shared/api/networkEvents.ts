import { z } from 'zod'
import { limits } from '../limits'
import { eventFields, rsvpStates, type NetworkEvent } from '../network/records'
import { patchSchema } from '../network/patchSchema'
import { dateArg, deletedFilter, direction, page, recordId, type ContactRef, type UndoReceipt } from './networkCommon'

export interface EventRow {
  id: string
  title: string
  startsAt: string
  endsAt: string | null
  place: string
  onlineUrl: string | null
  communityId: string | null
  communityName: string | null
  attendeeCount: number
  rsvp: NetworkEvent['rsvp']
  tags: string[]
  deleted: boolean
  createdAt: number
  updatedAt: number
}

export interface EventDetail {
  event: NetworkEvent
  row: EventRow
  attendees: ContactRef[]
  /** Interactions logged at the event. */
  interactionCount: number
}

export const eventsArgs = {
  'events.create': z.object({ fields: eventFields }),
  'events.update': z.object({ id: recordId, patch: patchSchema(eventFields) }),
  'events.get': z.object({ id: recordId }),
  'events.list': z.object({
    query: z.string().max(limits.searchQueryChars).optional(),
    /** Events that start on or after / on or before these days. */
    from: dateArg.optional(),
    to: dateArg.optional(),
    communityId: recordId.optional(),
    attendeeId: recordId.optional(),
    rsvp: z.enum(rsvpStates).optional(),
    direction: direction.default('asc'),
    show: deletedFilter,
    ...page,
  }),
  'events.setRsvp': z.object({ id: recordId, rsvp: z.enum(rsvpStates) }),
  'events.setAttendees': z.object({ id: recordId, add: z.array(recordId).max(500).default([]), remove: z.array(recordId).max(500).default([]) }),
  'events.delete': z.object({ id: recordId }),
  'events.restore': z.object({ id: recordId }),
}

export interface EventsResults {
  'events.create': EventDetail
  'events.update': EventDetail
  'events.get': EventDetail
  'events.list': { rows: EventRow[]; total: number }
  'events.setRsvp': EventDetail
  'events.setAttendees': EventDetail
  'events.delete': UndoReceipt
  'events.restore': EventDetail
}
