import { ICAL } from '../ical'

/**
 * Properties Staffroom reads and writes that ical.js does not know. Declared as text (with ","
 * separating list values) in both vCard design sets, so they are escaped on write and unescaped
 * on read like any standard text property instead of being passed through raw.
 * PRONOUNS is RFC 9554; the X-STAFFROOM-* ones carry our fields that vCard has no place for,
 * so our own export round-trips.
 */
export const staffroomProperties = {
  pronouns: 'pronouns',
  legacyPronouns: 'x-pronouns',
  subjects: 'x-staffroom-subjects',
  gradeLevels: 'x-staffroom-grade-levels',
  interests: 'x-staffroom-interests',
  metHow: 'x-staffroom-met-how',
  metWhere: 'x-staffroom-met-where',
  thoughtLeader: 'x-staffroom-thought-leader',
  feedUrl: 'x-staffroom-feed',
  cadenceDays: 'x-staffroom-cadence-days',
} as const

const listProperties: string[] = [staffroomProperties.subjects, staffroomProperties.gradeLevels, staffroomProperties.interests]
const textProperties: string[] = [...Object.values(staffroomProperties), 'x-socialprofile', 'x-ablabel']

for (const set of [ICAL.design.vcard, ICAL.design.vcard3]) {
  const properties = set.property as Record<string, { defaultType: string; multiValue?: string }>
  for (const name of textProperties) {
    properties[name] = listProperties.includes(name) ? { defaultType: 'text', multiValue: ',' } : { defaultType: 'text' }
  }
}

export { ICAL }
