import type { Interaction, NetworkEvent } from '@shared/network/records'
import { ICAL } from '../ical'

type Component = InstanceType<typeof ICAL.Component>

export interface CalendarInput {
  events: readonly NetworkEvent[]
  /** Interactions whose follow-up is still open; each becomes an all-day entry on its day. */
  followUps: readonly Interaction[]
  contactName(id: string): string | undefined
  /** DTSTAMP, epoch ms (passed in so output is reproducible). */
  now: number
}

/**
 * An iCalendar file (RFC 5545) of events and open follow-ups, written by ical.js: CRLF, lines
 * folded at 75 octets, text escaped, a stable UID per record (re-importing updates rather than
 * duplicates) and DTSTAMP. Times are floating local times, as Staffroom stores them: an event at
 * 09:00 is at 09:00 wherever the calendar is. Follow-ups are all-day VEVENTs rather than VTODOs,
 * because most calendar apps (Google Calendar among them) ignore VTODO on import.
 */
export function writeCalendar(input: CalendarInput): string {
  const calendar = new ICAL.Component(['vcalendar', [], []])
  calendar.addPropertyWithValue('version', '2.0')
  calendar.addPropertyWithValue('prodid', '-//Staffroom//Staffroom//EN')
  calendar.addPropertyWithValue('calscale', 'GREGORIAN')
  calendar.addPropertyWithValue('method', 'PUBLISH')
  const stamp = ICAL.Time.fromJSDate(new Date(input.now), true)
  for (const event of input.events) calendar.addSubcomponent(eventComponent(event, stamp))
  for (const interaction of input.followUps) {
    if (interaction.followUpOn) calendar.addSubcomponent(followUpComponent(interaction, interaction.followUpOn, stamp, input.contactName))
  }
  return calendar.toString() + '\r\n'
}

function eventComponent(event: NetworkEvent, stamp: InstanceType<typeof ICAL.Time>): Component {
  const vevent = new ICAL.Component('vevent')
  vevent.addPropertyWithValue('uid', `event-${event.id}@staffroom`)
  vevent.addPropertyWithValue('dtstamp', stamp)
  vevent.addPropertyWithValue('summary', event.title)
  const start = timeOf(event.startsAt)
  vevent.addPropertyWithValue('dtstart', start)
  if (event.endsAt) {
    const end = timeOf(event.endsAt)
    // An all-day event's DTEND is the day after its last day (exclusive).
    if (end.isDate) end.adjust(1, 0, 0, 0)
    if (end.compare(start) > 0) vevent.addPropertyWithValue('dtend', end)
  }
  if (event.place) vevent.addPropertyWithValue('location', event.place)
  else if (event.onlineUrl) vevent.addPropertyWithValue('location', event.onlineUrl)
  if (event.onlineUrl) vevent.addPropertyWithValue('url', event.onlineUrl)
  const description = [event.takeaways, event.onlineUrl ? `Online: ${event.onlineUrl}` : ''].filter(Boolean).join('\n\n')
  if (description) vevent.addPropertyWithValue('description', description)
  if (event.tags.length > 0) {
    const categories = new ICAL.Property('categories', vevent)
    categories.setValues([...event.tags])
    vevent.addProperty(categories)
  }
  if (event.rsvp === 'maybe') vevent.addPropertyWithValue('status', 'TENTATIVE')
  else if (event.rsvp === 'going' || event.rsvp === 'attended') vevent.addPropertyWithValue('status', 'CONFIRMED')
  return vevent
}

function followUpComponent(interaction: Interaction, day: string, stamp: InstanceType<typeof ICAL.Time>, contactName: (id: string) => string | undefined): Component {
  const vevent = new ICAL.Component('vevent')
  const names = interaction.contactIds.map((id) => contactName(id)).filter(Boolean)
  vevent.addPropertyWithValue('uid', `follow-up-${interaction.id}@staffroom`)
  vevent.addPropertyWithValue('dtstamp', stamp)
  vevent.addPropertyWithValue('summary', names.length > 0 ? `Follow up with ${names.join(', ')}` : 'Follow up')
  const start = timeOf(day)
  const end = start.clone()
  end.adjust(1, 0, 0, 0)
  vevent.addPropertyWithValue('dtstart', start)
  vevent.addPropertyWithValue('dtend', end)
  vevent.addPropertyWithValue('transp', 'TRANSPARENT')
  const description = [`From the ${interaction.kind.replace(/-/g, ' ')} on ${interaction.date}.`, interaction.summary].filter(Boolean).join('\n\n')
  vevent.addPropertyWithValue('description', description)
  return vevent
}

/** "2026-03-01" → an all-day DATE; "2026-03-01T09:30" → a floating DATE-TIME. */
function timeOf(value: string): InstanceType<typeof ICAL.Time> {
  const [, year, month, day, hour, minute] = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value) ?? []
  const isDate = hour === undefined
  return ICAL.Time.fromData({ year: Number(year), month: Number(month), day: Number(day), hour: Number(hour ?? 0), minute: Number(minute ?? 0), second: 0, isDate })
}
