import type { CommunityRow } from '@shared/api/communities'
import type { ContactDetail, ContactRow } from '@shared/api/contacts'
import type { InteractionRow } from '@shared/api/interactions'
import type { EventDetail, EventRow } from '@shared/api/networkEvents'
import { contactFields, eventFields, interactionFields, type Contact, type Interaction, type InteractionFields } from '@shared/network/records'

/** A ContactRow as the core returns it, with only what a test cares about filled in. */
export function contactRow(partial: Partial<ContactRow> & { id: string; name: string }): ContactRow {
  return {
    role: '',
    organisation: '',
    tags: [],
    thoughtLeader: false,
    lastInteractionOn: null,
    interactionCount: 0,
    cadenceDays: null,
    dueOn: null,
    touch: 'no-cadence',
    deleted: false,
    createdAt: 0,
    updatedAt: 0,
    ...partial,
  }
}

export function contactDetail(partial: Partial<Contact> & { id: string; name: string }): ContactDetail {
  const contact: Contact = { ...contactFields.parse({ name: partial.name }), createdAt: 0, updatedAt: 0, deletedAt: null, ...partial }
  return { contact, row: contactRow({ id: partial.id, name: partial.name }), interactions: { total: 0, recent: [] } }
}

export function interactionRow(partial: Partial<InteractionRow> & { id: string }): InteractionRow {
  return {
    date: '2026-03-01',
    contacts: [],
    communityId: null,
    communityName: null,
    eventId: null,
    eventTitle: null,
    mode: 'online',
    channel: 'conversation',
    kind: 'conversation',
    summary: '',
    meaningful: 0,
    followUpOn: null,
    followUpDone: false,
    deleted: false,
    createdAt: 0,
    updatedAt: 0,
    ...partial,
  }
}

/** An interaction as `interactions.get` returns it: the schema's defaults under what the test sets. */
export function interaction(partial: Partial<Interaction> & Pick<InteractionFields, 'contactIds' | 'date' | 'mode'> & { id: string }): Interaction {
  return { ...interactionFields.parse(partial), createdAt: 0, updatedAt: 0, deletedAt: null, ...partial }
}

export function communityRow(partial: Partial<CommunityRow> & { id: string; name: string }): CommunityRow {
  return {
    type: 'other',
    mode: 'online',
    platformOrPlace: '',
    membership: 'member',
    role: '',
    tags: [],
    interactionCount: 0,
    lastInteractionOn: null,
    deleted: false,
    createdAt: 0,
    updatedAt: 0,
    ...partial,
  }
}

export function eventRow(partial: Partial<EventRow> & { id: string; title: string }): EventRow {
  return {
    startsAt: '2026-03-01',
    endsAt: null,
    place: '',
    onlineUrl: null,
    communityId: null,
    communityName: null,
    attendeeCount: 0,
    rsvp: 'none',
    tags: [],
    deleted: false,
    createdAt: 0,
    updatedAt: 0,
    ...partial,
  }
}

/** An event as `events.get` returns it, built from its list row. */
export function eventDetail(row: EventRow): EventDetail {
  const event = { ...eventFields.parse({ title: row.title, startsAt: row.startsAt, communityId: row.communityId }), id: row.id, createdAt: 0, updatedAt: 0, deletedAt: null }
  return { event, row, attendees: [], interactionCount: 0 }
}
