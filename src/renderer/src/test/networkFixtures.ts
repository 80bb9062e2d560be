import type { ContactDetail, ContactRow } from '@shared/api/contacts'
import type { InteractionRow } from '@shared/api/interactions'
import { contactFields, type Contact } from '@shared/network/records'

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
