import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Core } from '../Core'
import { createCore } from '../createCore'
import { call, collectEvents } from '../testing/coreHarness'
import { makeTempDir } from '../testing/tempDir'

describe('the learning network through the core', () => {
  let temp: ReturnType<typeof makeTempDir>
  let dataDir: string
  const open: Core[] = []
  const start = async () => {
    const core = await createCore({ dataDir })
    open.push(core)
    return core
  }
  beforeEach(() => {
    temp = makeTempDir()
    dataDir = join(temp.dir, 'profile')
  })
  afterEach(async () => {
    for (const core of open.splice(0)) await core.shutdown()
    temp.remove()
  })

  it('contacts: create, list sorted by name and by last contact, tags, search; kept across a restart', async () => {
    const core = await start()
    const ada = (await call(core, 'contacts.create', { fields: { name: 'Ada Lovelace', role: 'Maths teacher', tags: ['Maths', 'maths '] } })).contact
    const emile = (await call(core, 'contacts.create', { fields: { name: 'Émile Durand', organisation: 'Lycée Victor Hugo' } })).contact
    const bea = (await call(core, 'contacts.create', { fields: { name: 'bea Okafor', tags: ['science'] } })).contact
    expect(ada.tags).toEqual(['maths'])
    await call(core, 'interactions.log', { fields: { date: '2026-03-01', contactIds: [emile.id], mode: 'in-person' } })
    await call(core, 'interactions.log', { fields: { date: '2026-02-01', contactIds: [emile.id, ada.id], mode: 'online', summary: 'Fractions with pizza' } })

    const names = async (args: object) => (await call(core, 'contacts.list', args)).rows.map((r) => r.name)
    expect(await names({ sort: 'name' })).toEqual(['Ada Lovelace', 'bea Okafor', 'Émile Durand'])
    expect(await names({ sort: 'lastContact', direction: 'desc' })).toEqual(['Émile Durand', 'Ada Lovelace', 'bea Okafor'])
    expect(await names({ tag: 'MATHS' })).toEqual(['Ada Lovelace'])
    expect(await names({ query: 'lycee' })).toEqual(['Émile Durand'])
    const emileRow = (await call(core, 'contacts.list', { query: 'emile' })).rows[0]!
    expect(emileRow).toMatchObject({ lastInteractionOn: '2026-03-01', interactionCount: 2, touch: 'no-cadence' })
    expect(await call(core, 'contacts.tags')).toEqual({ tags: [{ tag: 'maths', count: 1 }, { tag: 'science', count: 1 }] })
    const detail = await call(core, 'contacts.get', { id: emile.id })
    expect(detail.interactions.total).toBe(2)
    expect(detail.interactions.recent.map((i) => i.date)).toEqual(['2026-03-01', '2026-02-01'])
    expect(detail.interactions.recent[1]!.contacts.map((c) => c.name)).toEqual(['Émile Durand', 'Ada Lovelace'])
    expect(bea).toMatchObject({ deletedAt: null })

    await core.shutdown()
    const again = await start()
    expect((await call(again, 'contacts.list', { sort: 'lastContact', direction: 'desc' })).rows.map((r) => r.name)).toEqual([
      'Émile Durand',
      'Ada Lovelace',
      'bea Okafor',
    ])
    expect(await call(again, 'system.stats')).toMatchObject({ contacts: 3, interactions: 2, deletedRecords: 0 })
  })

  it('refuses an interaction with an unknown contact, and a contact without a name', async () => {
    const core = await start()
    expect(await core.dispatch('interactions.log', { fields: { date: '2026-03-01', contactIds: ['nobody'], mode: 'online' } })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: 'Unknown contact: nobody' },
    })
    expect(await core.dispatch('contacts.create', { fields: { name: '  ' } })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
  })

  it('keeping in touch: cadence per contact and per tag, reset by an interaction, snooze, follow-ups', async () => {
    const core = await start()
    const events = collectEvents(core)
    const today = new Date().toISOString().slice(0, 10)
    const own = (await call(core, 'contacts.create', { fields: { name: 'Own cadence', cadenceDays: 30 } })).contact
    const tagged = (await call(core, 'contacts.create', { fields: { name: 'Tagged', tags: ['mentor'] } })).contact
    await call(core, 'interactions.log', { fields: { date: '2020-01-01', contactIds: [own.id, tagged.id], mode: 'online', followUpOn: '2020-01-08' } })
    const overview = () => call(core, 'keepingInTouch.overview', { today })
    expect((await overview()).losingTouch.map((r) => r.contact.name)).toEqual(['Own cadence'])
    expect((await overview()).followUpsDue).toHaveLength(1)

    await call(core, 'keepingInTouch.setTagCadence', { tag: 'Mentor', days: 14 })
    expect(await call(core, 'keepingInTouch.settings')).toEqual({ defaultCadenceDays: null, tagCadences: [{ tag: 'mentor', days: 14 }] })
    const losing = (await overview()).losingTouch
    expect(losing.map((r) => [r.contact.name, r.contact.dueOn])).toEqual([
      ['Tagged', '2020-01-15'],
      ['Own cadence', '2020-01-31'],
    ])
    await vi.waitFor(() => expect(events.some((e) => e.event === 'index.changed' && (e.payload as { kinds: string[] }).kinds.includes('settings'))).toBe(true))

    await call(core, 'keepingInTouch.snooze', { contactId: tagged.id, until: '2999-01-01' })
    await call(core, 'interactions.log', { fields: { date: today, contactIds: [own.id], mode: 'in-person' } })
    expect((await overview()).losingTouch).toEqual([])
    expect((await call(core, 'contacts.get', { id: tagged.id, today })).row.touch).toBe('snoozed')

    const [followUp] = (await overview()).followUpsDue
    await call(core, 'keepingInTouch.snooze', { interactionId: followUp!.interaction.id, until: '2999-01-01' })
    expect((await overview()).followUpsDue).toEqual([])
    await call(core, 'keepingInTouch.snooze', { interactionId: followUp!.interaction.id, until: null })
    await call(core, 'interactions.setFollowUpDone', { id: followUp!.interaction.id, done: true })
    expect((await overview()).followUpsDue).toEqual([])
  })

  it('deletes are soft and undoable; bulk edits return a token that puts everything back', async () => {
    const core = await start()
    const ids: string[] = []
    for (const name of ['A', 'B', 'C']) ids.push((await call(core, 'contacts.create', { fields: { name, tags: ['old'] } })).contact.id)
    const interaction = (await call(core, 'interactions.log', { fields: { date: '2026-01-01', contactIds: [ids[0]!], mode: 'online' } })).interaction

    const bulk = await call(core, 'contacts.bulkUpdate', { ids, addTags: ['New'], removeTags: ['OLD'], cadenceDays: 7 })
    expect(bulk.changed).toBe(3)
    expect((await call(core, 'contacts.list', { tag: 'new' })).total).toBe(3)
    expect(await call(core, 'undo.apply', { undoToken: bulk.undoToken })).toEqual({ restored: 3 })
    expect((await call(core, 'contacts.list', { tag: 'old' })).rows.map((r) => r.cadenceDays)).toEqual([null, null, null])
    expect(await core.dispatch('undo.apply', { undoToken: bulk.undoToken })).toMatchObject({ ok: false, error: { code: 'not-found' } })

    const deleted = await call(core, 'contacts.delete', { id: ids[0]! })
    expect((await call(core, 'contacts.list', {})).total).toBe(2)
    expect((await call(core, 'contacts.list', { show: 'deleted' })).rows.map((r) => r.id)).toEqual([ids[0]])
    // History stays: the interaction still names the deleted contact.
    expect((await call(core, 'interactions.get', { id: interaction.id })).row.contacts).toEqual([{ id: ids[0], name: 'A' }])
    await call(core, 'undo.apply', { undoToken: deleted.undoToken })
    expect((await call(core, 'contacts.list', {})).total).toBe(3)

    await call(core, 'contacts.bulkDelete', { ids })
    expect(await call(core, 'system.stats')).toMatchObject({ contacts: 0, deletedRecords: 3, interactions: 1 })
    expect(await call(core, 'contacts.restore', { id: ids[1]! })).toMatchObject({ row: { deleted: false } })
  })

  it('communities, events with attendees and RSVP, goals with progress, journal, and search across kinds', async () => {
    const core = await start()
    const ada = (await call(core, 'contacts.create', { fields: { name: 'Ada Lovelace' } })).contact
    const community = (await call(core, 'communities.create', { fields: { name: 'Maths PLC', type: 'plc', mode: 'in-person' } })).community
    const event = await call(core, 'events.create', { fields: { title: 'ResearchED Leeds', startsAt: '2026-03-14T09:00', communityId: community.id } })
    expect(event.row).toMatchObject({ communityName: 'Maths PLC', rsvp: 'none' })
    await call(core, 'events.setAttendees', { id: event.event.id, add: [ada.id] })
    expect(await call(core, 'events.setRsvp', { id: event.event.id, rsvp: 'attended' })).toMatchObject({ attendees: [{ id: ada.id, name: 'Ada Lovelace' }], row: { rsvp: 'attended', attendeeCount: 1 } })
    expect((await call(core, 'events.list', { attendeeId: ada.id, from: '2026-03-01', to: '2026-03-14' })).total).toBe(1)

    const goal = await call(core, 'goals.create', {
      fields: { title: 'Attend two meetups', target: { kind: 'events-attended', count: 2 }, startsOn: '2026-01-01', deadline: '2026-07-31', communityIds: [community.id] },
    })
    expect(goal.row.progress).toMatchObject({ current: 1, target: 2, percent: 50 })
    expect(goal.communities).toEqual([{ id: community.id, name: 'Maths PLC' }])
    const talk = await call(core, 'goals.create', { fields: { title: 'Talk to peers', target: { kind: 'in-person-interactions', count: 4 }, startsOn: '2026-01-01' } })
    await call(core, 'interactions.log', { fields: { date: '2026-03-14', contactIds: [ada.id], mode: 'in-person', communityId: community.id, eventId: event.event.id, summary: 'Spaced retrieval practice' } })
    expect((await call(core, 'goals.get', { id: talk.goal.id })).row.progress).toMatchObject({ current: 1, percent: 25 })
    expect(await call(core, 'communities.get', { id: community.id })).toMatchObject({ row: { interactionCount: 1, lastInteractionOn: '2026-03-14' }, engagement: { total: 1 } })
    await call(core, 'communities.update', { id: community.id, patch: { goalIds: [goal.goal.id] } })
    expect((await call(core, 'communities.get', { id: community.id })).goals).toEqual([{ id: goal.goal.id, title: 'Attend two meetups' }])

    const entry = await call(core, 'journal.create', { fields: { date: '2026-03-15', kind: 'setback', whatHappened: 'Retrieval quiz flopped', tags: ['Retrieval'], eventIds: [event.event.id] } })
    expect(entry.row).toMatchObject({ title: '', excerpt: 'Retrieval quiz flopped', tags: ['retrieval'] })
    expect((await call(core, 'journal.list', { eventId: event.event.id, tag: 'retrieval' })).total).toBe(1)
    expect(await call(core, 'journal.tags')).toEqual({ tags: [{ tag: 'retrieval', count: 1 }] })

    await call(core, 'notes.create', { title: 'Retrieval practice reading' })
    const { hits } = await call(core, 'search.all', { text: 'retriev' })
    expect(hits.map((h) => h.kind)).toEqual(['note', 'interaction', 'journal'])
    expect(hits[0]!.url).toMatch(/^automerge:/)
    expect((await call(core, 'search.all', { text: 'ada' })).hits).toMatchObject([{ kind: 'contact', id: ada.id, detail: '' }])
    expect((await call(core, 'search.all', { text: 'leeds', kinds: ['event'] })).hits).toMatchObject([{ kind: 'event', detail: '2026-03-14 09:00' }])
    await call(core, 'journal.delete', { id: entry.entry.id })
    expect((await call(core, 'search.all', { text: 'flopped' })).hits).toEqual([])
  })
})
