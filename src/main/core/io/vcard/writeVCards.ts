import type { Contact } from '@shared/network/records'
import { ICAL, staffroomProperties as x } from './vcardDesign'

export type VCardVersion = '3.0' | '4.0'

/**
 * Contacts as one vCard file (RFC 2426 3.0 or RFC 6350 4.0) with CRLF line ends and folding at
 * 75 octets, written by ical.js so escaping follows the RFCs. Fields vCard has no property for
 * travel as X-STAFFROOM-* properties, which other apps keep and ignore.
 */
export function writeVCards(contacts: readonly Contact[], version: VCardVersion): string {
  return contacts.map((contact) => contactToCard(contact, version).toString() + '\r\n').join('')
}

function contactToCard(contact: Contact, version: VCardVersion): InstanceType<typeof ICAL.Component> {
  const card = new ICAL.Component(['vcard', [], []])
  const add = (name: string, value: string | string[], params: Record<string, string> = {}) => {
    const property = new ICAL.Property(name, card)
    for (const [key, param] of Object.entries(params)) property.setParameter(key, param)
    property.setValue(value)
    card.addProperty(property)
  }
  const addList = (name: string, values: readonly string[]) => {
    if (values.length === 0) return
    const property = new ICAL.Property(name, card)
    property.setValues([...values])
    card.addProperty(property)
  }
  const typed = (label: string): Record<string, string> => (label ? { type: label } : {})

  add('version', version)
  add('prodid', '-//Staffroom//Staffroom//EN')
  add('uid', `staffroom-contact-${contact.id}`)
  add('fn', contact.name)
  add('n', splitName(contact.name))
  if (contact.pronouns) add(version === '4.0' ? x.pronouns : x.legacyPronouns, contact.pronouns)
  if (contact.role) add('title', contact.role)
  if (contact.organisation) add('org', [contact.organisation])
  if (contact.location) add('adr', ['', '', '', contact.location, '', '', ''])
  for (const channel of contact.channels) {
    const name = { email: 'email', phone: 'tel', website: 'url', social: 'x-socialprofile', other: 'x-socialprofile' }[channel.kind]
    add(name, channel.value, typed(channel.label))
  }
  if (contact.notes) add('note', contact.notes)
  addList('categories', contact.tags)
  if (contact.photo) addPhoto(add, contact.photo, version)
  addList(x.subjects, contact.subjects)
  addList(x.gradeLevels, contact.gradeLevels)
  addList(x.interests, contact.interests)
  if (contact.metHow) add(x.metHow, contact.metHow)
  if (contact.metWhere) add(x.metWhere, contact.metWhere)
  if (contact.thoughtLeader) add(x.thoughtLeader, 'yes')
  if (contact.feedUrl) add(x.feedUrl, contact.feedUrl)
  if (contact.cadenceDays !== null) add(x.cadenceDays, String(contact.cadenceDays))
  return card
}

/** vCard 3.0 requires N; we keep one name, so the last word is taken as the family name. */
function splitName(name: string): string[] {
  const words = name.trim().split(/\s+/)
  const family = words.length > 1 ? (words.pop() ?? '') : ''
  return [family, words.join(' '), '', '', '']
}

function addPhoto(add: (name: string, value: string, params?: Record<string, string>) => void, dataUrl: string, version: VCardVersion) {
  if (version === '4.0') return add('photo', dataUrl)
  const match = /^data:image\/(png|jpeg|webp);base64,(.*)$/.exec(dataUrl)
  if (match) add('photo', match[2] ?? '', { encoding: 'b', type: (match[1] ?? '').toUpperCase() })
}
