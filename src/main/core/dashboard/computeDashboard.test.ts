import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DashboardSummary } from '@shared/api/dashboard'
import { DashboardFixture } from './testing/DashboardFixture'

/**
 * Every figure on a small hand-built index with the answers worked out by hand. The range is
 * Wed 2026-03-04 … Tue 2026-03-17 (14 days, touching three ISO weeks); the previous period is
 * 2026-02-18 … 2026-03-03; today is 2026-03-20.
 */
const from = '2026-03-04'
const to = '2026-03-17'
const today = '2026-03-20'

function buildNetwork(f: DashboardFixture): void {
  f.add('contact', 'ana', { name: 'Ana', role: 'Maths teacher', organisation: 'Riverside', location: 'Leeds', subjects: ['maths', 'physics'], cadenceDays: 7 }, { addedOn: '2026-03-05' })
    .add('contact', 'ben', { name: 'Ben', role: 'Maths teacher', organisation: 'Northfield', location: 'Leeds', subjects: ['maths'], cadenceDays: 30 }, { addedOn: '2026-02-20' })
    .add('contact', 'cai', { name: 'Cai', role: 'SENCo', organisation: 'Riverside', cadenceDays: 5, snoozedUntil: '2026-03-25' }, { addedOn: '2026-01-10' })
    .add('contact', 'eve', { name: 'Eve', location: 'York', subjects: ['art'], cadenceDays: 1 }, { addedOn: '2025-12-01' })
    .add('contact', 'dee', { name: 'Dee', role: 'Head', organisation: 'Elsewhere', location: 'Hull', subjects: ['music'], cadenceDays: 1 }, { addedOn: '2026-03-10', deleted: true })

  f.add('community', 'm1', { name: 'Maths PLC', membership: 'member', goalIds: ['g1'] })
    .add('community', 'm2', { name: 'ResearchED', membership: 'lurking' })
    .add('community', 'm3', { name: 'Old forum', membership: 'former' })
    .add('community', 'm4', { name: 'Quiet circle', membership: 'interested' })
    .add('community', 'm5', { name: 'Gone', membership: 'member' }, { deleted: true })

  f.add('event', 'e1', { title: 'ResearchED day', startsAt: '2026-03-06T18:00', communityId: 'm2', rsvp: 'attended' })
    .add('event', 'e2', { title: 'Quiet meetup', startsAt: '2026-03-07', communityId: 'm4', rsvp: 'going' })
    .add('event', 'e3', { title: 'Quiet launch', startsAt: '2026-02-01', communityId: 'm4', rsvp: 'attended' })
    .add('event', 'e4', { title: 'Gone meetup', startsAt: '2026-03-08', communityId: 'm5', rsvp: 'attended' })

  const interaction = (id: string, date: string, contactIds: string[], fields: Record<string, unknown>, options: { deleted?: boolean } = {}) =>
    f.add('interaction', id, { date, contactIds, mode: 'online', ...fields }, options)
  // In the range.
  interaction('i1', '2026-03-04', ['ana'], { mode: 'in-person', kind: 'help-given', meaningful: 3, communityId: 'm1' })
  interaction('i2', '2026-03-08', ['ana', 'ben'], { kind: 'help-received', meaningful: 2, communityId: 'm1' })
  interaction('i3', '2026-03-09', ['ben'], { meaningful: 1, communityId: 'm3', followUpOn: '2026-03-15', followUpDone: true })
  interaction('i4', '2026-03-12', ['cai'], { mode: 'in-person', kind: 'resource-shared', followUpOn: '2026-03-18', summary: 'Shared the fractions unit' })
  interaction('i5', '2026-03-17', ['eve'], { kind: 'resource-received', meaningful: 2, communityId: 'm5' })
  interaction('i6', '2026-03-10', ['ana'], { mode: 'in-person', kind: 'help-given', meaningful: 3 }, { deleted: true })
  interaction('i7', '2026-03-11', ['dee'], { kind: 'help-given' })
  // The previous period.
  interaction('p1', '2026-02-18', ['ana'], { mode: 'in-person', meaningful: 2, followUpOn: '2026-03-19', summary: 'Plan a visit' })
  interaction('p2', '2026-02-20', ['ben'], { kind: 'help-given', communityId: 'm4', followUpOn: '2026-03-01', followUpSnoozedUntil: '2026-03-22' })
  interaction('p3', '2026-03-03', ['cai'], { mode: 'in-person', kind: 'help-received', meaningful: 3 })
  // Outside both.
  interaction('o1', '2026-02-17', ['ben'], { mode: 'in-person', kind: 'help-given', meaningful: 3 })
  interaction('o2', '2026-03-18', ['eve'], { communityId: 'm4', followUpOn: '2026-03-25' })

  f.add('resource', 'r1', { title: 'Slides', direction: 'given', contactIds: ['ana'], date: '2026-03-05' })
    .add('resource', 'r2', { title: 'Unit plan', direction: 'received', contactIds: ['ben', 'cai'], date: '2026-03-13' })
    .add('resource', 'r3', { title: 'Quiz', direction: 'given', contactIds: ['ben'], date: '2026-02-25' })
    .add('resource', 'r4', { title: 'Withdrawn', direction: 'given', contactIds: ['ana'], date: '2026-03-06' }, { deleted: true })
    .add('resource', 'r5', { title: 'Old', direction: 'received', contactIds: ['eve'], date: '2026-01-01' })

  f.add('goal', 'g1', { title: 'Twenty conversations', target: { kind: 'interactions', count: 20 }, startsOn: '2026-03-01', deadline: '2026-03-31' })
    .add('goal', 'g2', { title: 'Two meaningful', target: { kind: 'meaningful-conversations', count: 2 }, startsOn: '2026-02-01', deadline: '2026-04-30' })
    .add('goal', 'g3', { title: 'Ten entries', target: { kind: 'journal-entries', count: 10 }, startsOn: '2026-01-01', deadline: '2026-03-10' })
    .add('goal', 'g4', { title: 'Join a PLC', status: 'achieved' })
    .add('goal', 'g5', { title: 'Meet in person', status: 'paused', target: { kind: 'in-person-interactions', count: 1 }, startsOn: '2026-03-01', deadline: '2026-03-15' })
    .add('goal', 'g6', { title: 'Deleted', target: { kind: 'interactions', count: 100 }, deadline: '2026-03-18' }, { deleted: true })
    .add('goal', 'g7', { title: 'Custom', target: { kind: 'custom', count: 10, manualProgress: 5 }, startsOn: '2026-03-10', deadline: '2026-04-09' })
    .add('goal', 'g8', { title: 'Open-ended', target: { kind: 'interactions', count: 1000 }, startsOn: '2026-01-01' })

  f.add('journal', 'j1', { date: '2026-03-05', kind: 'setback', whatILearned: 'Slow down' })
    .add('journal', 'j2', { date: '2026-03-06', kind: 'setback' })
    .add('journal', 'j3', { date: '2026-03-10', kind: 'learning', whatILearned: 'Retrieval works' })
    .add('journal', 'j4', { date: '2026-03-11', kind: 'learning', whatILearned: '  ' })
    .add('journal', 'j5', { date: '2026-03-12', kind: 'reflection', whatILearned: 'Plan less' })
    .add('journal', 'j6', { date: '2026-02-20', kind: 'setback', whatILearned: 'Ask earlier' })
    .add('journal', 'j7', { date: '2026-03-13', kind: 'learning', whatILearned: 'Deleted' }, { deleted: true })

  f.add('reading', 'b1', { title: 'One', addedOn: '2026-01-01' })
    .add('reading', 'b2', { title: 'Two', addedOn: '2026-03-10' })
    .add('reading', 'b3', { title: 'Three', status: 'reading', addedOn: '2026-02-01' })
    .add('reading', 'b4', { title: 'Four', status: 'read', addedOn: '2026-02-01', readOn: '2026-03-05' })
    .add('reading', 'b5', { title: 'Five', status: 'applied', addedOn: '2026-02-01', readOn: '2026-02-25', appliedOn: '2026-03-10' })
    .add('reading', 'b6', { title: 'Six', status: 'applied', addedOn: '2026-02-01', readOn: '2026-03-06', appliedOn: '2026-03-16' })
    .add('reading', 'b7', { title: 'Seven', status: 'read', addedOn: '2026-02-01', readOn: '2026-02-19' })
    .add('reading', 'b8', { title: 'Eight', addedOn: '2026-02-01' }, { deleted: true })

  f.space('s1', 'project', '2026-03-10T10:00:00Z')
    .space('s2', 'project', '2026-02-20T10:00:00Z')
    .space('s3', 'project', '2026-03-10T10:00:00Z', { archived: true })
    .space('s4', 'circle', '2026-03-10T10:00:00Z')
    .space('s5', 'project', '2026-03-17T23:59:59Z')
    .space('s6', 'project', '2026-03-18T00:00:00Z')
}

describe('computeDashboard on a hand-built network', () => {
  let f: DashboardFixture
  let s: DashboardSummary
  beforeEach(() => {
    f = new DashboardFixture()
    buildNetwork(f)
    s = f.summary(from, to, today)
  })
  afterEach(() => f.close())

  it('covers the range and the period of equal length before it', () => {
    expect(s.range).toEqual({ from, to, previousFrom: '2026-02-18', previousTo: '2026-03-03', days: 14 })
    expect(s.computedInMs).toBeGreaterThan(0)
  })

  it('goals: progress as the goals list counts it, the even pace, at-risk goals first', () => {
    expect(s.goals.rows.map((g) => [g.id, g.atRisk, g.expectedPercent, g.progress?.current ?? null, g.progress?.percent ?? null, g.daysLeft])).toEqual([
      ['g3', true, 100, 4, 40, -10],
      ['g1', true, 63, 8, 40, 11],
      ['g5', false, 100, 3, 100, -5],
      ['g7', false, 33, 5, 50, 20],
      ['g2', false, 53, 6, 100, 41],
      ['g4', false, null, null, null, null],
      ['g8', false, null, 11, 1, null],
    ])
    expect(s.goals).toMatchObject({ atRisk: 2, onTrack: 3, achieved: 1 })
    expect(s.goals.rows[0]).toMatchObject({ title: 'Ten entries', status: 'active', targetKind: 'journal-entries', deadline: '2026-03-10' })
  })

  it('engagement: interactions and meaningful ones per ISO week, with the trend', () => {
    expect(s.engagement.perWeek).toEqual([
      { weekStart: '2026-03-02', interactions: 2, meaningful: 2, inPerson: 1, online: 1 },
      { weekStart: '2026-03-09', interactions: 3, meaningful: 0, inPerson: 1, online: 2 },
      { weekStart: '2026-03-16', interactions: 1, meaningful: 1, inPerson: 0, online: 1 },
    ])
    expect(s.engagement.interactions).toEqual({ current: 6, previous: 3, change: 1 })
    expect(s.engagement.meaningful).toEqual({ current: 3, previous: 2, change: 0.5 })
  })

  it('balance: in person against online, and the in-person share', () => {
    expect(s.balance.inPerson).toEqual({ current: 2, previous: 2, change: 0 })
    expect(s.balance.online).toEqual({ current: 4, previous: 1, change: 3 })
    expect(s.balance.inPersonShare.current).toBeCloseTo(1 / 3, 12)
    expect(s.balance.inPersonShare.previous).toBeCloseTo(2 / 3, 12)
  })

  it('reciprocity: interactions of the giving kinds plus the ledger, overall and per live person', () => {
    expect(s.reciprocity.given).toEqual({ current: 4, previous: 2, change: 1 })
    expect(s.reciprocity.received).toEqual({ current: 3, previous: 1, change: 2 })
    expect(s.reciprocity.people).toEqual([
      { contact: { id: 'ana', name: 'Ana' }, given: 2, received: 1 },
      { contact: { id: 'ben', name: 'Ben' }, given: 0, received: 2 },
      { contact: { id: 'cai', name: 'Cai' }, given: 1, received: 1 },
      { contact: { id: 'eve', name: 'Eve' }, given: 0, received: 1 },
    ])
  })

  it('breadth: new connections and the spread of live contacts per dimension', () => {
    expect(s.breadth.newConnections).toEqual({ current: 1, previous: 1, change: 0 })
    const dimension = (name: string) => s.breadth.diversity.find((d) => d.dimension === name)!
    expect(s.breadth.diversity.map((d) => d.dimension)).toEqual(['subjects', 'roles', 'schools', 'regions', 'communities'])
    expect(dimension('subjects')).toMatchObject({ distinct: 3, unknown: 1, top: [{ value: 'maths', count: 2 }, { value: 'art', count: 1 }, { value: 'physics', count: 1 }] })
    // Shares ½, ¼, ¼: H = 1.5 ln 2, over ln 3.
    expect(dimension('subjects').evenness).toBeCloseTo((1.5 * Math.log(2)) / Math.log(3), 12)
    const twoToOne = -((2 / 3) * Math.log(2 / 3) + (1 / 3) * Math.log(1 / 3)) / Math.log(2)
    expect(dimension('roles')).toMatchObject({ distinct: 2, unknown: 1, top: [{ value: 'Maths teacher', count: 2 }, { value: 'SENCo', count: 1 }] })
    expect(dimension('roles').evenness).toBeCloseTo(twoToOne, 12)
    expect(dimension('schools')).toMatchObject({ distinct: 2, unknown: 1, top: [{ value: 'Riverside', count: 2 }, { value: 'Northfield', count: 1 }] })
    expect(dimension('regions')).toMatchObject({ distinct: 2, unknown: 1, top: [{ value: 'Leeds', count: 2 }, { value: 'York', count: 1 }] })
    // Interactions in the range: i1, i2 in Maths PLC, i3 in Old forum, i5 in Gone; i4 and i7 in none.
    expect(dimension('communities')).toMatchObject({ distinct: 3, unknown: 2, top: [{ value: 'Maths PLC', count: 2 }, { value: 'Gone', count: 1 }, { value: 'Old forum', count: 1 }] })
    expect(dimension('communities').evenness).toBeCloseTo(-(0.5 * Math.log(0.5) + 2 * 0.25 * Math.log(0.25)) / Math.log(3), 12)
  })

  it('breadth: communities active (interaction or attended event in the range) or dormant; former and deleted ones left out', () => {
    expect(s.breadth.communities).toEqual([
      { id: 'm1', name: 'Maths PLC', active: true, lastActivityOn: '2026-03-08', interactions: 2, goalIds: ['g1'] },
      { id: 'm2', name: 'ResearchED', active: true, lastActivityOn: '2026-03-06', interactions: 0, goalIds: [] },
      { id: 'm4', name: 'Quiet circle', active: false, lastActivityOn: '2026-02-20', interactions: 0, goalIds: [] },
    ])
    expect(s.breadth).toMatchObject({ communitiesActive: 2, communitiesDormant: 1 })
  })

  it('keeping in touch: who is losing touch and which follow-ups are due on today', () => {
    expect(s.keepingInTouch).toEqual({
      losingTouchTotal: 2,
      followUpsDueTotal: 2,
      losingTouch: [
        { contact: { id: 'ana', name: 'Ana' }, daysOverdue: 5, lastInteractionOn: '2026-03-08' },
        { contact: { id: 'eve', name: 'Eve' }, daysOverdue: 1, lastInteractionOn: '2026-03-18' },
      ],
      followUpsDue: [
        { interactionId: 'i4', date: '2026-03-12', summary: 'Shared the fractions unit', contacts: [{ id: 'cai', name: 'Cai' }], daysOverdue: 2 },
        { interactionId: 'p1', date: '2026-02-18', summary: 'Plan a visit', contacts: [{ id: 'ana', name: 'Ana' }], daysOverdue: 1 },
      ],
    })
  })

  it('learning: reading list, journal setbacks and lessons, lesson projects changed in the range', () => {
    expect(s.learning).toEqual({
      readingToRead: 2,
      readingInProgress: 1,
      readingRead: { current: 2, previous: 2, change: 0 },
      readingApplied: { current: 2, previous: 0, change: null },
      journalEntries: { current: 5, previous: 1, change: 4 },
      setbacks: 2,
      setbacksWithLesson: 1,
      lessonsLearned: 1,
      projectsActive: { current: 2, previous: 1, change: 1 },
      projectsTotal: 4,
    })
  })
})

describe('computeDashboard edge cases', () => {
  let f: DashboardFixture
  beforeEach(() => (f = new DashboardFixture()))
  afterEach(() => f.close())

  it('an empty index gives zeros, no trends, no shares and every week of the range', () => {
    const s = f.summary('2026-03-01', '2026-03-16', '2026-03-16')
    expect(s.range).toEqual({ from: '2026-03-01', to: '2026-03-16', previousFrom: '2026-02-13', previousTo: '2026-02-28', days: 16 })
    expect(s.engagement.perWeek.map((w) => w.weekStart)).toEqual(['2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16'])
    expect(s.engagement.perWeek.every((w) => w.interactions === 0 && w.inPerson === 0)).toBe(true)
    expect(s.engagement.interactions).toEqual({ current: 0, previous: 0, change: null })
    expect(s.balance.inPersonShare).toEqual({ current: null, previous: null })
    expect(s.reciprocity).toEqual({ given: { current: 0, previous: 0, change: null }, received: { current: 0, previous: 0, change: null }, people: [] })
    expect(s.breadth.diversity.every((d) => d.distinct === 0 && d.evenness === null && d.unknown === 0)).toBe(true)
    expect(s.breadth.communities).toEqual([])
    expect(s.goals).toEqual({ rows: [], atRisk: 0, onTrack: 0, achieved: 0 })
    expect(s.keepingInTouch).toEqual({ losingTouchTotal: 0, followUpsDueTotal: 0, losingTouch: [], followUpsDue: [] })
    expect(s.learning.projectsTotal).toBe(0)
  })

  it('a one-day range compares with the day before; a single value has no evenness', () => {
    f.add('contact', 'a', { name: 'A', role: 'Teacher' }, { addedOn: '2026-03-10' })
      .add('interaction', 'x', { date: '2026-03-10', contactIds: ['a'], mode: 'online' })
      .add('interaction', 'y', { date: '2026-03-09', contactIds: ['a'], mode: 'online' })
      .add('interaction', 'z', { date: '2026-03-09', contactIds: ['a'], mode: 'in-person' })
    const s = f.summary('2026-03-10', '2026-03-10', '2026-03-10')
    expect(s.range).toMatchObject({ previousFrom: '2026-03-09', previousTo: '2026-03-09', days: 1 })
    expect(s.engagement.interactions).toEqual({ current: 1, previous: 2, change: -0.5 })
    expect(s.engagement.perWeek).toEqual([{ weekStart: '2026-03-09', interactions: 1, meaningful: 0, inPerson: 0, online: 1 }])
    expect(s.balance.inPersonShare).toEqual({ current: 0, previous: 0.5 })
    expect(s.breadth.newConnections).toEqual({ current: 1, previous: 0, change: null })
    expect(s.breadth.diversity.find((d) => d.dimension === 'roles')).toEqual({ dimension: 'roles', distinct: 1, evenness: null, top: [{ value: 'Teacher', count: 1 }], unknown: 0 })
  })

  it('lists at most 20 people and 8 values per dimension, most first', () => {
    for (let n = 0; n < 25; n++) {
      const id = `c${String(n).padStart(2, '0')}`
      f.add('contact', id, { name: `Person ${id}`, role: `Role ${n % 10}` })
      for (let k = 0; k <= n % 3; k++) f.add('interaction', `${id}-${k}`, { date: '2026-03-10', contactIds: [id], mode: 'online', kind: 'help-given' })
    }
    const s = f.summary('2026-03-01', '2026-03-31', '2026-03-31')
    expect(s.reciprocity.people).toHaveLength(20)
    expect(s.reciprocity.people.slice(0, 2).map((p) => [p.contact.id, p.given])).toEqual([['c02', 3], ['c05', 3]])
    const roles = s.breadth.diversity.find((d) => d.dimension === 'roles')!
    expect(roles.distinct).toBe(10)
    expect(roles.top).toHaveLength(8)
    expect(roles.top[0]).toEqual({ value: 'Role 0', count: 3 })
    expect(roles.evenness).toBeCloseTo(-(5 * 0.12 * Math.log(0.12) + 5 * 0.08 * Math.log(0.08)) / Math.log(10), 12)
  })
})
