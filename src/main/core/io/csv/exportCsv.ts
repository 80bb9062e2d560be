import type { Contact, ContactChannel, Interaction } from '@shared/network/records'
import { writeCsv } from './writeCsv'

/** Headers of the contacts export; guessMapping maps each back to its field. */
const contactColumns: Array<[string, (c: Contact) => string]> = [
  ['Name', (c) => c.name],
  ['Pronouns', (c) => c.pronouns],
  ['Role', (c) => c.role],
  ['Organisation', (c) => c.organisation],
  ['Location', (c) => c.location],
  ['Email', (c) => channels(c, 'email')],
  ['Phone', (c) => channels(c, 'phone')],
  ['Website', (c) => channels(c, 'website')],
  ['Social', (c) => channels(c, 'social')],
  ['Subjects', (c) => c.subjects.join('; ')],
  ['Grade levels', (c) => c.gradeLevels.join('; ')],
  ['Interests', (c) => c.interests.join('; ')],
  ['Tags', (c) => c.tags.join('; ')],
  ['Met how', (c) => c.metHow],
  ['Met where', (c) => c.metWhere],
  ['Notes', (c) => c.notes],
]

/** "work: a@example.org; b@example.org": labelled values in one cell per kind ("other" goes with social). */
function channels(contact: Contact, kind: ContactChannel['kind']): string {
  return contact.channels
    .filter((c) => c.kind === kind || (kind === 'social' && c.kind === 'other'))
    .map((c) => (c.label ? `${c.label}: ${c.value}` : c.value))
    .join('; ')
}

export function contactsToCsv(contacts: readonly Contact[]): string {
  return writeCsv(
    contactColumns.map(([header]) => header),
    contacts.map((contact) => contactColumns.map(([, cell]) => cell(contact))),
  )
}

/** Names for the ids an interaction points at; unknown ids are written as they are. */
export interface InteractionNames {
  contact(id: string): string | undefined
  community(id: string): string | undefined
  event(id: string): string | undefined
}

export function interactionsToCsv(interactions: readonly Interaction[], names: InteractionNames): string {
  const headers = ['Date', 'Contacts', 'Mode', 'Channel', 'Kind', 'Summary', 'Meaningful (0-3)', 'Follow up on', 'Follow-up done', 'Community', 'Event']
  return writeCsv(
    headers,
    interactions.map((i) => [
      i.date,
      i.contactIds.map((id) => names.contact(id) ?? id).join('; '),
      i.mode,
      i.channel,
      i.kind,
      i.summary,
      String(i.meaningful),
      i.followUpOn ?? '',
      i.followUpOn ? (i.followUpDone ? 'yes' : 'no') : '',
      i.communityId ? (names.community(i.communityId) ?? i.communityId) : '',
      i.eventId ? (names.event(i.eventId) ?? i.eventId) : '',
    ]),
  )
}
