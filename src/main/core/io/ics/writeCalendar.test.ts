import { describe, expect, it } from 'vitest'
import { eventFields, interactionFields, type Interaction, type NetworkEvent } from '@shared/network/records'
import { ICAL } from '../ical'
import { writeCalendar } from './writeCalendar'

const meta = { createdAt: 0, updatedAt: 0, deletedAt: null }
const event = (id: string, fields: Record<string, unknown>): NetworkEvent => ({ id, ...meta, ...eventFields.parse(fields) })
const interaction = (id: string, fields: Record<string, unknown>): Interaction => ({ id, ...meta, ...interactionFields.parse(fields) })

const calendar = () =>
  writeCalendar({
    events: [
      event('e1', { title: 'ResearchED; Leeds, 2026 — “Cognitive load” 🎉 '.repeat(3).trim(), startsAt: '2026-03-07T09:30', endsAt: '2026-03-07T16:00', place: 'Hillside Academy, Leeds', onlineUrl: 'https://researched.example/leeds', takeaways: 'Line 1\nLine 2, with a comma; and a semicolon \\ backslash', tags: ['conference', 'cogsci'], rsvp: 'going' }),
      event('e2', { title: 'Maths camp', startsAt: '2026-07-20', endsAt: '2026-07-22' }),
    ],
    followUps: [interaction('i1', { date: '2026-03-01', contactIds: ['c1', 'c2'], mode: 'online', kind: 'help-received', summary: 'Send her the fractions unit', followUpOn: '2026-03-08' })],
    contactName: (id) => ({ c1: 'Ann Lee', c2: 'Bo' })[id],
    now: Date.UTC(2026, 1, 1, 12, 0, 0),
  })

describe('writeCalendar', () => {
  it('writes RFC 5545 lines: CRLF only, at most 75 octets, continuation lines start with a space', () => {
    const text = calendar()
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    expect(text).toMatch(/\r\n [^\r\n]/)
  })

  it('gives every event a UID and DTSTAMP, floating local times, exclusive all-day ends and escaped text', () => {
    const vcalendar = new ICAL.Component(ICAL.parse(calendar()) as unknown[])
    expect(vcalendar.getFirstPropertyValue('version')).toBe('2.0')
    const [conference, camp, followUp] = vcalendar.getAllSubcomponents('vevent')
    expect(conference!.getFirstPropertyValue('uid')).toBe('event-e1@staffroom')
    expect(conference!.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-02-01T12:00:00Z')
    expect(conference!.getFirstPropertyValue('dtstart')!.toString()).toBe('2026-03-07T09:30:00')
    expect(conference!.getFirstPropertyValue('dtend')!.toString()).toBe('2026-03-07T16:00:00')
    expect(conference!.getFirstPropertyValue('summary')).toBe('ResearchED; Leeds, 2026 — “Cognitive load” 🎉 '.repeat(3).trim())
    expect(conference!.getFirstPropertyValue('description')).toBe('Line 1\nLine 2, with a comma; and a semicolon \\ backslash\n\nOnline: https://researched.example/leeds')
    expect(conference!.getFirstProperty('categories')!.getValues()).toEqual(['conference', 'cogsci'])
    expect(conference!.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(camp!.getFirstPropertyValue('dtstart')!.toString()).toBe('2026-07-20')
    expect(camp!.getFirstPropertyValue('dtend')!.toString()).toBe('2026-07-23')
    expect(followUp!.getFirstPropertyValue('uid')).toBe('follow-up-i1@staffroom')
    expect(followUp!.getFirstPropertyValue('summary')).toBe('Follow up with Ann Lee, Bo')
    expect(followUp!.getFirstPropertyValue('dtstart')!.toString()).toBe('2026-03-08')
    expect(followUp!.getFirstPropertyValue('description')).toBe('From the help received on 2026-03-01.\n\nSend her the fractions unit')
    expect(calendar()).toContain('DTSTART;VALUE=DATE:20260720\r\n')
    expect(calendar()).toContain('DTSTART:20260307T093000\r\n')
  })
})
