import type { CircleMeetupView } from '@shared/api/circles'
import { ICAL } from '../../io/ical'

type Time = InstanceType<typeof ICAL.Time>

export interface MeetupCalendarInput {
  circleName: string
  meetups: readonly CircleMeetupView[]
  /** DTSTAMP, epoch ms (passed in so output is reproducible). */
  now: number
}

/** The stable UID of a meetup: re-importing it updates the calendar entry rather than adding another. */
export function meetupUid(meetupId: string): string {
  return `meetup-${meetupId}@staffroom`
}

/**
 * Meetups as an iCalendar file (RFC 5545), written by ical.js (folded, escaped, CRLF) with the
 * settings every Staffroom calendar uses. Meetups carry their offset, so times are written as UTC
 * instants: the calendar shows them in each reader's own zone, unlike network events, which are
 * floating local times.
 */
export function writeMeetupCalendar(input: MeetupCalendarInput): string {
  const calendar = new ICAL.Component(['vcalendar', [], []])
  calendar.addPropertyWithValue('version', '2.0')
  calendar.addPropertyWithValue('prodid', '-//Staffroom//Staffroom//EN')
  calendar.addPropertyWithValue('calscale', 'GREGORIAN')
  calendar.addPropertyWithValue('method', 'PUBLISH')
  const stamp = utc(input.now)
  for (const meetup of input.meetups) {
    const vevent = new ICAL.Component('vevent')
    vevent.addPropertyWithValue('uid', meetupUid(meetup.id))
    vevent.addPropertyWithValue('dtstamp', stamp)
    vevent.addPropertyWithValue('summary', meetup.title)
    vevent.addPropertyWithValue('dtstart', utc(Date.parse(meetup.startsAt)))
    vevent.addPropertyWithValue('dtend', utc(Date.parse(meetup.endsAt)))
    const location = meetup.place || meetup.onlineUrl
    if (location) vevent.addPropertyWithValue('location', location)
    if (meetup.onlineUrl) vevent.addPropertyWithValue('url', meetup.onlineUrl)
    const description = [`A meetup of ${input.circleName}.`, meetup.onlineUrl ? `Online: ${meetup.onlineUrl}` : ''].filter(Boolean).join('\n\n')
    vevent.addPropertyWithValue('description', description)
    if (meetup.myRsvp === 'yes') vevent.addPropertyWithValue('status', 'CONFIRMED')
    else if (meetup.myRsvp === 'maybe') vevent.addPropertyWithValue('status', 'TENTATIVE')
    calendar.addSubcomponent(vevent)
  }
  return calendar.toString() + '\r\n'
}

function utc(epochMs: number): Time {
  return ICAL.Time.fromJSDate(new Date(Math.floor(epochMs / 1000) * 1000), true)
}
