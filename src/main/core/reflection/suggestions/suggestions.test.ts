import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Suggestion } from '@shared/api/reflection'
import type { InteractionFields } from '@shared/network/records'
import { openCore, type CoreInternals } from '../../createCore'
import type { Core } from '../../Core'
import { softDelete } from '../../network/recordOps'
import { call } from '../../testing/coreHarness'
import { makeTempDir } from '../../testing/tempDir'

/**
 * Every suggestion rule on one hand-built network with known answers. Today is 31 Mar 2027 and
 * the dashboard's range is March 2027.
 */
const today = '2027-03-31'
const range = { from: '2027-03-01', to: '2027-03-31', today }

describe('suggestions through the core', () => {
  let temp: ReturnType<typeof makeTempDir>
  let core: Core
  let internals: CoreInternals
  const ids: Record<string, string> = {}

  const contact = async (name: string, cadenceDays: number | null = null, snoozedUntil: string | null = null) => {
    ids[name] = (await call(core, 'contacts.create', { fields: { name, cadenceDays, snoozedUntil } })).contact.id
  }
  const log = (names: string[], date: string, fields: Partial<InteractionFields> = {}) =>
    call(core, 'interactions.log', { fields: { date, contactIds: names.map((n) => ids[n]!), mode: 'online', ...fields } })
  const resource = (name: string, direction: 'given' | 'received', date: string) =>
    internals.ctx.network.store.create('resource', {
      title: `${direction} ${date}`,
      type: 'link',
      url: null,
      direction,
      contactIds: [ids[name]!],
      date,
      spaceId: null,
      communityId: null,
      readingId: null,
      usedIn: [],
      tags: [],
      notes: '',
    })
  const list = async (args = range) => (await call(core, 'suggestions.list', args)).suggestions
  const ofKind = async (kind: Suggestion['kind'], args = range) => (await list(args)).filter((s) => s.kind === kind)

  beforeAll(async () => {
    temp = makeTempDir()
    const opened = await openCore({ dataDir: join(temp.dir, 'profile') })
    core = opened.core
    internals = opened.internals

    // Communities serving goals.
    const goal = async (title: string, status = 'active') => (await call(core, 'goals.create', { fields: { title, status } })).goal.id
    const share = await goal('Share more lesson plans')
    const observe = await goal('Observe a colleague')
    const paused = await goal('Write a blog', 'paused')
    const community = async (name: string, goalIds: string[], membership = 'member') =>
      (ids[name] = (await call(core, 'communities.create', { fields: { name, goalIds, membership } })).community.id)
    await community('Maths Chat', [share])
    await community('Science PLC', [share, observe])
    await community('Reading Group', [share])
    await community('Old Forum', [paused])
    await community('Meetup Crew', [share])
    await community('Former Club', [share], 'former')
    await community('No Goals', [])

    // Reconnect: due days Fay 25 Jan, Ada 26 Jan, Cleo 2 Mar, Ben 27 Mar; Dan not due; Eve snoozed.
    await contact('Ada Okafor', 30)
    await contact('Ben Ito', 7)
    await contact('Cleo Marsh', 60)
    await contact('Dan Hoy', 14)
    await contact('Eve Lund', 10, '2027-04-15')
    await contact('Fay Sol', 20)
    for (const name of ['Gus Berg', 'Hana Mori', 'Ivy Chen', 'Jo Park']) await contact(name)
    await log(['Ada Okafor'], '2026-12-27')
    await log(['Cleo Marsh'], '2027-01-01')
    await log(['Eve Lund'], '2027-01-10')
    await log(['Fay Sol'], '2027-01-05')

    // March: five interactions, one in person (20%).
    await log(['Ben Ito'], '2027-03-20', { communityId: ids['Reading Group']! })
    await log(['Dan Hoy'], '2027-03-30', { mode: 'in-person' })
    await log(['Gus Berg'], '2027-03-05', { kind: 'help-received' })
    await log(['Gus Berg'], '2027-03-10', { kind: 'resource-received' })
    await log(['Ivy Chen'], '2027-03-15', { kind: 'help-received' })

    // Give back, over the 180 days to today (from 2 Oct 2026): Gus 2 received (interactions),
    // Hana 2 (an interaction and the ledger), Ivy 3 received but 1 given (ledger), Jo 1 in the window.
    await log(['Hana Mori'], '2027-02-01', { kind: 'help-received' })
    ids.hanaResource = (await resource('Hana Mori', 'received', '2026-12-15')).id
    await log(['Ivy Chen'], '2027-02-10', { kind: 'help-received' })
    await resource('Ivy Chen', 'received', '2027-01-05')
    await resource('Ivy Chen', 'given', '2027-02-01')
    await log(['Jo Park'], '2026-09-10', { kind: 'help-received' })
    await log(['Jo Park'], '2027-02-15', { kind: 'help-received' })

    await log(['Jo Park'], '2027-01-15', { communityId: ids['Maths Chat']! })
    await log(['Jo Park'], '2027-04-02', { communityId: ids['Maths Chat']! })
    await log(['Ben Ito'], '2027-02-10', { communityId: ids['Reading Group']!, mode: 'in-person' })
    await call(core, 'events.create', { fields: { title: 'Spring meetup', startsAt: '2027-03-12T18:00', communityId: ids['Meetup Crew'], rsvp: 'attended' } })
    await call(core, 'events.create', { fields: { title: 'Maths social', startsAt: '2027-03-20', communityId: ids['Maths Chat'], rsvp: 'going' } })

    // Journal.
    const entry = async (title: string, kind: string, whatILearned = '', date = '2027-03-03') =>
      (ids[title] = (await call(core, 'journal.create', { fields: { date, kind, title, whatHappened: 'It went badly.', whatILearned } })).entry.id)
    await entry('Lost the class on Friday', 'setback')
    await entry('Parents evening', 'setback', 'Prepare the data first.', '2027-03-08')
    await entry('Tried think-pair-share', 'learning')
    await entry('Old setback', 'setback', '', '2025-10-01')
  }, 60_000)

  afterAll(async () => {
    await core.shutdown()
    temp.remove()
  })

  it('reconnect: the three most overdue, explained, linking to the contact; snoozed and not due left out', async () => {
    const reconnect = await ofKind('reconnect')
    expect(reconnect.map((s) => s.title)).toEqual(['Reconnect with Fay Sol', 'Reconnect with Ada Okafor', 'Reconnect with Cleo Marsh'])
    expect(reconnect[1]).toEqual({
      key: `reconnect:${ids['Ada Okafor']}:2027-01-26`,
      kind: 'reconnect',
      title: 'Reconnect with Ada Okafor',
      explanation: 'You last spoke with Ada Okafor 94 days ago; you planned every 30 days.',
      evidence: [
        { label: 'Last in touch', value: '27 Dec 2026' },
        { label: 'Keep in touch', value: 'every 30 days' },
        { label: 'Overdue', value: '64 days' },
      ],
      link: { href: `#/contacts?id=${ids['Ada Okafor']}`, label: 'Open Ada Okafor' },
    })
  })

  it('in person: 1 of 5 interactions in the range is below 30%; not with fewer than 5, nor at 30% or more', async () => {
    const [balance, ...more] = await ofKind('in-person')
    expect(more).toEqual([])
    expect(balance).toMatchObject({
      key: 'in-person:2027-03',
      title: 'Meet people in person',
      explanation:
        'Only 1 of your 5 interactions from 1 Mar 2027 to 31 Mar 2027 was in person (20%). An event, a meetup or a school visit would balance your online contact.',
      link: { href: '#/events?id=new', label: 'Plan an in-person event' },
    })
    expect(balance!.evidence).toContainEqual({ label: 'In person', value: '1 (20%)' })
    expect(balance!.evidence).toContainEqual({ label: 'Last in person in the range', value: '30 Mar 2027' })
    // 20 to 31 March: 3 interactions, too few to judge.
    expect(await ofKind('in-person', { ...range, from: '2027-03-20' })).toEqual([])
    // January to March: 2 of 13 in person; February alone: 1 of 4, too few again.
    expect(await ofKind('in-person', { from: '2027-01-01', to: '2027-03-31', today })).toHaveLength(1)
    expect(await ofKind('in-person', { from: '2027-02-01', to: '2027-02-28', today })).toEqual([])
  })

  it('give back: received twice or more and given nothing in 180 days, from interactions and the ledger', async () => {
    const giveBack = await ofKind('give-back')
    expect(giveBack.map((s) => [s.title, s.key])).toEqual([
      ['Give back to Gus Berg', `give-back:${ids['Gus Berg']}:2027-03-10`],
      ['Give back to Hana Mori', `give-back:${ids['Hana Mori']}:2027-02-01`],
    ])
    expect(giveBack[1]).toMatchObject({
      explanation: 'Hana Mori helped you or shared something with you 2 times in the last 180 days, and nothing went back to them in that time.',
      evidence: [
        { label: 'Received', value: '2' },
        { label: 'Given', value: '0' },
        { label: 'Last received', value: '1 Feb 2027' },
      ],
      link: { href: `#/contacts?id=${ids['Hana Mori']}` },
    })
  })

  it('community: serves an active goal, no interaction or attended event in the range; never-active first', async () => {
    const communities = await ofKind('community')
    expect(communities.map((s) => s.key)).toEqual([`community:${ids['Science PLC']}:never`, `community:${ids['Maths Chat']}:2027-01-15`])
    expect(communities[0]).toMatchObject({
      title: 'Take part in Science PLC',
      explanation:
        'Science PLC serves your goals “Observe a colleague” and “Share more lesson plans”, but nothing happened there between 1 Mar 2027 and 31 Mar 2027: no interaction or attended event yet.',
      evidence: [
        { label: 'Goals', value: 'Observe a colleague, Share more lesson plans' },
        { label: 'Last activity', value: 'never' },
        { label: 'Activity in the range', value: '0' },
      ],
      link: { href: `#/communities?id=${ids['Science PLC']}`, label: 'Open Science PLC' },
    })
    expect(communities[1]!.explanation).toBe(
      'Maths Chat serves your goal “Share more lesson plans”, but nothing happened there between 1 Mar 2027 and 31 Mar 2027: no interaction or attended event since 15 Jan 2027.',
    )
    // April holds Maths Chat's interaction; the meetup only counts as activity when attended.
    expect((await ofKind('community', { from: '2027-04-01', to: '2027-04-30', today: '2027-04-30' })).map((s) => s.key)).toEqual([
      `community:${ids['Science PLC']}:never`,
      `community:${ids['Meetup Crew']}:2027-03-12`,
      `community:${ids['Reading Group']}:2027-03-20`,
    ])
  })

  it('lesson: setback entries without a lesson, newest first, linking to the entry in its edit form', async () => {
    const lessons = await ofKind('lesson')
    expect(lessons.map((s) => s.key)).toEqual([`lesson:${ids['Lost the class on Friday']}`, `lesson:${ids['Old setback']}`])
    expect(lessons[0]).toMatchObject({
      explanation: 'Your setback entry “Lost the class on Friday” of 3 Mar 2027 does not say what you learned yet. A line on it turns a bad day into a lesson.',
      link: { href: `#/journal?id=${ids['Lost the class on Friday']}&edit=1`, label: 'Add the lesson' },
    })
  })

  it('lists people first, then balance, then learning', async () => {
    expect((await list()).map((s) => s.kind)).toEqual(['reconnect', 'reconnect', 'reconnect', 'give-back', 'give-back', 'in-person', 'community', 'community', 'lesson', 'lesson'])
  })

  it('dismiss hides a suggestion (kept in the workspace), undismiss brings it back; a new situation shows again', async () => {
    const fay = `reconnect:${ids['Fay Sol']}:2027-01-25`
    expect(await call(core, 'suggestions.dismiss', { key: fay })).toMatchObject({ key: fay })
    const afterDismiss = await call(core, 'suggestions.list', range)
    expect(afterDismiss.dismissedCount).toBe(1)
    // The next most overdue takes the freed place.
    expect(afterDismiss.suggestions.filter((s) => s.kind === 'reconnect').map((s) => s.title)).toEqual([
      'Reconnect with Ada Okafor',
      'Reconnect with Cleo Marsh',
      'Reconnect with Ben Ito',
    ])
    expect((await call(core, 'reflection.settings')).dismissed).toEqual([{ key: fay, at: expect.any(Number) }])
    expect(internals.ctx.workspace.doc().settings.reflection?.dismissed[fay]).toEqual(expect.any(Number))

    // Fay is seen on 20 Feb: her cadence runs out again on 12 Mar, a new lapse.
    const seen = await log(['Fay Sol'], '2027-02-20')
    expect((await ofKind('reconnect')).map((s) => s.key)).toContain(`reconnect:${ids['Fay Sol']}:2027-03-12`)
    await call(core, 'interactions.delete', { id: seen.interaction.id })

    await call(core, 'suggestions.undismiss', { key: fay })
    expect((await ofKind('reconnect'))[0]!.key).toBe(fay)
    expect((await call(core, 'reflection.settings')).dismissed).toEqual([])

    // The balance suggestion stays away for the month; the lesson one until it is undismissed.
    await call(core, 'suggestions.dismiss', { key: 'in-person:2027-03' })
    expect(await ofKind('in-person')).toEqual([])
    expect(await ofKind('in-person', { ...range, today: '2027-04-01' })).toHaveLength(1)
    await call(core, 'suggestions.undismiss', { key: 'in-person:2027-03' })
  })

  it('writing the lesson, deleting a resource or logging community activity makes a suggestion go by itself', async () => {
    await call(core, 'journal.update', { id: ids['Lost the class on Friday'], patch: { whatILearned: 'Start with a routine.' } })
    expect((await ofKind('lesson')).map((s) => s.key)).toEqual([`lesson:${ids['Old setback']}`])
    await softDelete(internals.ctx.network, 'resource', [ids.hanaResource!])
    expect((await ofKind('give-back')).map((s) => s.title)).toEqual(['Give back to Gus Berg'])
    await log(['Jo Park'], '2027-03-25', { communityId: ids['Science PLC']! })
    expect((await ofKind('community')).map((s) => s.title)).toEqual(['Take part in Maths Chat'])
  })

  it('refuses a range that ends before it starts and an empty key', async () => {
    expect(await core.dispatch('suggestions.list', { from: '2027-03-31', to: '2027-03-01', today })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await core.dispatch('suggestions.dismiss', { key: ' ' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
  })
})
