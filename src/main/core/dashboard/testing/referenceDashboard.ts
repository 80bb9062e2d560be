import type { DashboardSummary, DiversityDimension, Trend, WeekPoint } from '@shared/api/dashboard'
import { addDays, dayOf } from '@shared/network/keepingInTouch'
import type { Community, Contact, Goal, Interaction, JournalEntry, NetworkEvent, ReadingItem, Resource } from '@shared/network/records'
import { limits } from '@shared/limits'
import { normaliseTag, normaliseTags } from '@shared/notes/tags'
import { sortKey } from '../../index/network/projectRecord'

/**
 * The dashboard computed the plain way, straight from the records read out of the documents: no
 * SQL, no index, one loop per figure. The equivalence test checks computeDashboard against it.
 */
export interface ReferenceInput {
  contacts: Contact[]
  interactions: Interaction[]
  communities: Community[]
  events: NetworkEvent[]
  goals: Goal[]
  journal: JournalEntry[]
  resources: Resource[]
  readings: ReadingItem[]
  spaces: Array<{ kind: 'project' | 'circle'; archived: boolean; lastChangeAt: number | null }>
  settings: { defaultCadenceDays: number | null; tagCadences: Record<string, number> }
}

export type ReferenceSummary = Omit<DashboardSummary, 'computedInMs'>

const dayMs = 86_400_000
const daysFrom = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / dayMs)
const within = (day: string | null, from: string, to: string) => day !== null && day >= from && day <= to
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const unique = <T>(items: T[]) => [...new Set(items)]
const count = <T>(items: T[], test: (item: T) => boolean) => items.filter(test).length
const trendOf = (current: number, previous: number): Trend => ({ current, previous, change: previous === 0 ? null : (current - previous) / previous })
const givingKinds = ['help-given', 'resource-shared']
const receivingKinds = ['help-received', 'resource-received']

export function referenceDashboard(input: ReferenceInput, from: string, to: string, today: string): ReferenceSummary {
  const live = <T extends { deletedAt: number | null }>(items: T[]) => items.filter((item) => item.deletedAt === null)
  const contacts = live(input.contacts)
  const interactions = live(input.interactions)
  const days = daysFrom(from, to) + 1
  const previousFrom = addDays(from, -days)
  const previousTo = addDays(from, -1)
  const inRange = (day: string | null) => within(day, from, to)
  const inPrevious = (day: string | null) => within(day, previousFrom, previousTo)
  const nameOf = new Map(input.contacts.map((c) => [c.id, c.name]))

  // Engagement and balance.
  const current = interactions.filter((i) => inRange(i.date))
  const previous = interactions.filter((i) => inPrevious(i.date))
  const perWeek: WeekPoint[] = []
  const monday = addDays(from, -((new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7))
  for (let week = monday; week <= to; week = addDays(week, 7)) {
    const inWeek = current.filter((i) => i.date >= week && i.date <= addDays(week, 6))
    perWeek.push({
      weekStart: week,
      interactions: inWeek.length,
      meaningful: count(inWeek, (i) => i.meaningful >= 2),
      inPerson: count(inWeek, (i) => i.mode === 'in-person'),
      online: count(inWeek, (i) => i.mode === 'online'),
    })
  }
  const inPersonOf = (list: Interaction[]) => count(list, (i) => i.mode === 'in-person')
  const share = (list: Interaction[]) => (list.length === 0 ? null : inPersonOf(list) / list.length)

  // Reciprocity.
  const resources = live(input.resources)
  const given = (inside: (day: string) => boolean) =>
    count(interactions, (i) => inside(i.date) && givingKinds.includes(i.kind)) + count(resources, (r) => inside(r.date) && r.direction === 'given')
  const received = (inside: (day: string) => boolean) =>
    count(interactions, (i) => inside(i.date) && receivingKinds.includes(i.kind)) + count(resources, (r) => inside(r.date) && r.direction === 'received')
  const perPerson = new Map<string, { given: number; received: number }>()
  const tally = (ids: string[], gave: boolean, got: boolean) => {
    for (const id of unique(ids)) {
      const person = perPerson.get(id) ?? { given: 0, received: 0 }
      person.given += gave ? 1 : 0
      person.received += got ? 1 : 0
      perPerson.set(id, person)
    }
  }
  for (const i of current) if (givingKinds.includes(i.kind) || receivingKinds.includes(i.kind)) tally(i.contactIds, givingKinds.includes(i.kind), receivingKinds.includes(i.kind))
  for (const r of resources) if (inRange(r.date)) tally(r.contactIds, r.direction === 'given', r.direction === 'received')
  const liveContacts = new Map(contacts.map((c) => [c.id, c]))
  const people = [...perPerson]
    .filter(([id]) => liveContacts.has(id))
    .map(([id, p]) => ({ contact: { id, name: liveContacts.get(id)!.name }, ...p }))
    .sort((a, b) => b.given + b.received - (a.given + a.received) || byText(sortKey(a.contact.name), sortKey(b.contact.name)) || byText(a.contact.id, b.contact.id))
    .slice(0, 20)

  return {
    range: { from, to, previousFrom, previousTo, days },
    goals: goals(input, today),
    engagement: {
      interactions: trendOf(current.length, previous.length),
      meaningful: trendOf(count(current, (i) => i.meaningful >= 2), count(previous, (i) => i.meaningful >= 2)),
      perWeek,
    },
    balance: {
      inPerson: trendOf(inPersonOf(current), inPersonOf(previous)),
      online: trendOf(count(current, (i) => i.mode === 'online'), count(previous, (i) => i.mode === 'online')),
      inPersonShare: { current: share(current), previous: share(previous) },
    },
    reciprocity: { given: trendOf(given(inRange), given(inPrevious)), received: trendOf(received(inRange), received(inPrevious)), people },
    breadth: breadth(input, contacts, current, from, to, inRange, inPrevious),
    keepingInTouch: keepingInTouch(input, contacts, interactions, nameOf, today),
    learning: learning(input, inRange, inPrevious, from, to, previousFrom, previousTo),
  }
}

function goals(input: ReferenceInput, today: string): ReferenceSummary['goals'] {
  const interactions = input.interactions.filter((i) => i.deletedAt === null)
  const rows = input.goals
    .filter((g) => g.deletedAt === null)
    .sort((a, b) => Number(a.deadline === null) - Number(b.deadline === null) || byText(a.deadline ?? '', b.deadline ?? '') || byText(a.id, b.id))
    .map((g) => {
      const start = g.startsOn ?? dayOf(g.createdAt)
      const end = g.deadline ?? '9999-12-31'
      const linked = g.contactIds.length > 0 || g.communityIds.length > 0
      const linkedInteraction = (i: Interaction) => !linked || (i.communityId !== null && g.communityIds.includes(i.communityId)) || i.contactIds.some((id) => g.contactIds.includes(id))
      const linkedEvent = (e: NetworkEvent) => !linked || (e.communityId !== null && g.communityIds.includes(e.communityId)) || e.attendeeIds.some((id) => g.contactIds.includes(id))
      const countedInteractions = interactions.filter((i) => within(i.date, start, end) && linkedInteraction(i))
      let current = 0
      switch (g.target?.kind) {
        case 'custom': current = g.target.manualProgress; break
        case 'meaningful-conversations': current = count(countedInteractions, (i) => i.meaningful >= 2); break
        case 'in-person-interactions': current = count(countedInteractions, (i) => i.mode === 'in-person'); break
        case 'resources-shared': current = count(countedInteractions, (i) => i.kind === 'resource-shared'); break
        case 'events-attended': current = count(input.events, (e) => e.deletedAt === null && e.rsvp === 'attended' && within(e.startsAt.slice(0, 10), start, end) && linkedEvent(e)); break
        case 'journal-entries': current = count(input.journal, (j) => j.deletedAt === null && within(j.date, start, end)); break
        default: current = countedInteractions.length
      }
      const progress = g.target === null ? null : { current, target: g.target.count, percent: Math.min(100, Math.floor((current * 100) / g.target.count)), from: start, to: g.deadline }
      let expectedPercent: number | null = null
      if (progress !== null && g.deadline !== null) {
        const span = daysFrom(start, g.deadline)
        if (span <= 0) expectedPercent = today >= g.deadline ? 100 : 0
        else expectedPercent = Math.floor((Math.min(Math.max(daysFrom(start, today), 0), span) * 100) / span)
      }
      const atRisk = g.status === 'active' && progress !== null && expectedPercent !== null && (progress.percent < expectedPercent || (today > g.deadline! && progress.current < progress.target))
      return { id: g.id, title: g.title, status: g.status, targetKind: g.target?.kind ?? null, progress, deadline: g.deadline, expectedPercent, atRisk, daysLeft: g.deadline === null ? null : daysFrom(today, g.deadline) }
    })
  const sorted = [...rows.filter((r) => r.atRisk), ...rows.filter((r) => !r.atRisk)]
  return { rows: sorted, atRisk: count(sorted, (r) => r.atRisk), onTrack: count(sorted, (r) => r.status === 'active' && !r.atRisk), achieved: count(sorted, (r) => r.status === 'achieved') }
}

function spread(dimension: DiversityDimension['dimension'], values: Array<{ key: string; label: string }>, unknown: number): DiversityDimension {
  const counts = new Map<string, { value: string; count: number }>()
  for (const { key, label } of values) counts.set(key, { value: label, count: (counts.get(key)?.count ?? 0) + 1 })
  const sorted = [...counts].sort(([ka, a], [kb, b]) => b.count - a.count || byText(a.value, b.value) || byText(ka, kb)).map(([, v]) => v)
  const total = sorted.reduce((sum, v) => sum + v.count, 0)
  let evenness: number | null = null
  if (sorted.length >= 2) {
    let entropy = 0
    for (const v of sorted) entropy -= (v.count / total) * Math.log(v.count / total)
    evenness = entropy / Math.log(sorted.length)
  }
  return { dimension, distinct: sorted.length, evenness, top: sorted.slice(0, 8), unknown }
}

function breadth(input: ReferenceInput, contacts: Contact[], current: Interaction[], from: string, to: string, inRange: (d: string) => boolean, inPrevious: (d: string) => boolean): ReferenceSummary['breadth'] {
  const subjectsOf = (c: Contact) => unique(c.subjects.map((s) => s.trim()).filter(Boolean))
  const column = (name: 'roles' | 'schools' | 'regions', of: (c: Contact) => string) =>
    spread(name, contacts.filter((c) => of(c) !== '').map((c) => ({ key: of(c), label: of(c) })), count(contacts, (c) => of(c) === ''))
  const communityName = new Map(input.communities.map((m) => [m.id, m.name]))
  const withCommunity = current.filter((i) => i.communityId !== null)
  const events = input.events.filter((e) => e.deletedAt === null && e.rsvp === 'attended')
  const communities = input.communities
    .filter((m) => m.deletedAt === null && m.membership !== 'former')
    .map((m) => {
      const interactions = count(current, (i) => i.communityId === m.id)
      const attended = count(events, (e) => e.communityId === m.id && within(e.startsAt.slice(0, 10), from, to))
      const days = [
        ...input.interactions.filter((i) => i.deletedAt === null && i.communityId === m.id && i.date <= to).map((i) => i.date),
        ...events.filter((e) => e.communityId === m.id && e.startsAt.slice(0, 10) <= to).map((e) => e.startsAt.slice(0, 10)),
      ].sort()
      return { id: m.id, name: m.name, active: interactions + attended > 0, lastActivityOn: days.at(-1) ?? null, interactions, goalIds: m.goalIds }
    })
    .sort((a, b) => Number(b.active) - Number(a.active) || b.interactions - a.interactions || byText(a.name, b.name) || byText(a.id, b.id))
  return {
    newConnections: trendOf(count(contacts, (c) => inRange(dayOf(c.createdAt))), count(contacts, (c) => inPrevious(dayOf(c.createdAt)))),
    diversity: [
      spread('subjects', contacts.flatMap((c) => subjectsOf(c).map((s) => ({ key: s, label: s }))), count(contacts, (c) => subjectsOf(c).length === 0)),
      column('roles', (c) => c.role),
      column('schools', (c) => c.organisation),
      column('regions', (c) => c.location),
      spread('communities', withCommunity.map((i) => ({ key: i.communityId!, label: communityName.get(i.communityId!) ?? '' })), current.length - withCommunity.length),
    ],
    communities,
    communitiesActive: count(communities, (c) => c.active),
    communitiesDormant: count(communities, (c) => !c.active),
  }
}

function keepingInTouch(input: ReferenceInput, contacts: Contact[], interactions: Interaction[], nameOf: Map<string, string>, today: string): ReferenceSummary['keepingInTouch'] {
  const lastWith = new Map<string, string>()
  for (const i of interactions) for (const id of i.contactIds) if ((lastWith.get(id) ?? '') < i.date) lastWith.set(id, i.date)
  const losing = contacts
    .map((c) => {
      const tagDays = normaliseTags(c.tags).map((t) => input.settings.tagCadences[normaliseTag(t)]).filter((d): d is number => d !== undefined)
      const cadence = c.cadenceDays ?? (tagDays.length > 0 ? Math.min(...tagDays) : input.settings.defaultCadenceDays)
      const last = lastWith.get(c.id) ?? null
      return { c, last, due: cadence === null ? null : addDays(last ?? dayOf(c.createdAt), cadence) }
    })
    .filter(({ c, due }) => due !== null && due <= today && !(c.snoozedUntil !== null && c.snoozedUntil > today))
    .sort((a, b) => byText(a.due!, b.due!) || byText(sortKey(a.c.name), sortKey(b.c.name)) || byText(a.c.id, b.c.id))
  const followUps = interactions
    .filter((i) => i.followUpOn !== null && !i.followUpDone && i.followUpOn <= today && !(i.followUpSnoozedUntil !== null && i.followUpSnoozedUntil > today))
    .sort((a, b) => byText(a.followUpOn!, b.followUpOn!) || byText(a.id, b.id))
  return {
    losingTouchTotal: losing.length,
    followUpsDueTotal: followUps.length,
    losingTouch: losing.slice(0, 10).map(({ c, last, due }) => ({ contact: { id: c.id, name: c.name }, daysOverdue: daysFrom(due!, today), lastInteractionOn: last })),
    followUpsDue: followUps.slice(0, 10).map((i) => ({
      interactionId: i.id,
      date: i.date,
      summary: i.summary.replace(/\s+/g, ' ').trim().slice(0, limits.excerptChars),
      contacts: unique(i.contactIds).map((id) => ({ id, name: nameOf.get(id) ?? '' })),
      daysOverdue: daysFrom(i.followUpOn!, today),
    })),
  }
}

function learning(input: ReferenceInput, inRange: (d: string | null) => boolean, inPrevious: (d: string | null) => boolean, from: string, to: string, previousFrom: string, previousTo: string): ReferenceSummary['learning'] {
  const readings = input.readings.filter((r) => r.deletedAt === null)
  const journal = input.journal.filter((j) => j.deletedAt === null)
  const current = journal.filter((j) => inRange(j.date))
  const lesson = (j: JournalEntry) => j.whatILearned.trim() !== ''
  const projects = input.spaces.filter((s) => s.kind === 'project' && !s.archived)
  const changedWithin = (a: string, b: string) => (s: (typeof projects)[number]) => s.lastChangeAt !== null && within(dayOf(s.lastChangeAt), a, b)
  return {
    readingToRead: count(readings, (r) => r.status === 'to-read'),
    readingInProgress: count(readings, (r) => r.status === 'reading'),
    readingRead: trendOf(count(readings, (r) => inRange(r.readOn)), count(readings, (r) => inPrevious(r.readOn))),
    readingApplied: trendOf(count(readings, (r) => inRange(r.appliedOn)), count(readings, (r) => inPrevious(r.appliedOn))),
    journalEntries: trendOf(current.length, count(journal, (j) => inPrevious(j.date))),
    setbacks: count(current, (j) => j.kind === 'setback'),
    setbacksWithLesson: count(current, (j) => j.kind === 'setback' && lesson(j)),
    lessonsLearned: count(current, (j) => j.kind === 'learning' && lesson(j)),
    projectsActive: trendOf(count(projects, changedWithin(from, to)), count(projects, changedWithin(previousFrom, previousTo))),
    projectsTotal: projects.length,
  }
}
