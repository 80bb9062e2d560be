import type { AutomergeUrl } from '@automerge/automerge-repo'
import type { CircleDoc } from '@shared/spaces/CircleDoc'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../Core'
import { ICAL } from '../../io/ical'
import { call } from '../../testing/coreHarness'
import { coreCluster } from '../../testing/coreCluster'

async function circleHandle(core: Core, url: string) {
  return core.repo.find<CircleDoc>(url as AutomergeUrl)
}

/** Makes this device hold another role in the circle, as if its owner had set it. */
async function demote(core: Core, url: string, role: 'editor' | 'viewer') {
  const handle = await circleHandle(core, url)
  const me = core.sync.identity.deviceId
  handle.change((doc) => {
    doc.members[me]!.role = role
    doc.members['OWNERDEVICE'] = { name: 'The owner', role: 'owner', addedAt: 1 }
  })
}

describe('circles', () => {
  const cluster = coreCluster()

  it('are created with this device as owner, listed as spaces, updated and archived by the owner', async () => {
    const core = await cluster.open('a', { deviceName: 'Ms Diallo' })
    const { circle } = await call(core, 'circles.create', { name: 'Primary science circle', description: 'Teachers of KS2 science', communityId: 'community-1' })
    expect(circle).toMatchObject({ name: 'Primary science circle', description: 'Teachers of KS2 science', communityId: 'community-1', myRole: 'owner', announcement: null, threads: [], resources: [], meetups: [], readOnlyReason: null })
    expect(circle.members).toEqual([{ deviceId: core.sync.identity.deviceId, name: 'Ms Diallo', role: 'owner', isMe: true }])
    expect(Object.values((await circleHandle(core, circle.url)).doc().authors)).toEqual([{ deviceId: core.sync.identity.deviceId, name: 'Ms Diallo' }])
    expect((await call(core, 'spaces.list', {})).spaces.map((s) => [s.kind, s.title, s.subtitle])).toEqual([['circle', 'Primary science circle', 'Teachers of KS2 science']])

    const renamed = await call(core, 'circles.update', { circleId: circle.id, name: 'KS2 science', description: 'Monthly' })
    expect(renamed.circle).toMatchObject({ name: 'KS2 science', description: 'Monthly' })
    await call(core, 'circles.update', { circleId: circle.id, archived: true })
    expect((await call(core, 'spaces.list', {})).spaces).toEqual([])
    expect((await call(core, 'circles.get', { circleId: circle.id })).circle.archivedAt).toEqual(expect.any(Number))

    expect(await core.dispatch('circles.create', { name: '  ' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('name') } })
    expect(await core.dispatch('circles.create', { name: 'x'.repeat(201) })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await core.dispatch('circles.get', { circleId: 'no-such-circle' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    await demote(core, circle.url, 'editor')
    expect(await core.dispatch('circles.update', { circleId: circle.id, name: 'Mine now' })).toMatchObject({ ok: false, error: { message: 'Only the circle’s owner can rename, describe or archive it.' } })
  })

  it('pin an announcement (owner only), hold threads with replies and reactions, newest activity first', async () => {
    const core = await cluster.open('a', { deviceName: 'Ms Diallo' })
    const me = core.sync.identity.deviceId
    const { circle } = await call(core, 'circles.create', { name: 'Maths hub' })
    const pinned = await call(core, 'circles.setAnnouncement', { circleId: circle.id, text: 'Next meetup: bring a lesson that flopped.' })
    expect(pinned.circle.announcement).toMatchObject({ text: 'Next meetup: bring a lesson that flopped.', authorName: 'Ms Diallo' })

    const first = await call(core, 'circles.addThread', { circleId: circle.id, title: 'Fractions misconceptions', body: 'What do you see most?' })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const second = await call(core, 'circles.addThread', { circleId: circle.id, title: 'Times tables apps' })
    expect(second.circle.threads.map((t) => t.title)).toEqual(['Times tables apps', 'Fractions misconceptions'])
    await new Promise((resolve) => setTimeout(resolve, 5))
    const { replyId } = await call(core, 'circles.reply', { circleId: circle.id, threadId: first.threadId, body: 'Adding denominators!' })
    await call(core, 'circles.react', { circleId: circle.id, threadId: first.threadId, emoji: '👍', on: true })
    await call(core, 'circles.react', { circleId: circle.id, threadId: first.threadId, emoji: '👍', on: true })
    const reacted = await call(core, 'circles.react', { circleId: circle.id, threadId: first.threadId, replyId, emoji: '💡', on: true })
    const [top] = reacted.circle.threads
    expect(top).toMatchObject({ id: first.threadId, body: 'What do you see most?', authorName: 'Ms Diallo', author: me, canDelete: true, reactions: [{ emoji: '👍', count: 1, mine: true }] })
    expect(top!.replies).toMatchObject([{ id: replyId, body: 'Adding denominators!', reactions: [{ emoji: '💡', count: 1, mine: true }] }])
    expect(top!.lastActivityAt).toBe(top!.replies[0]!.createdAt)
    const unreacted = await call(core, 'circles.react', { circleId: circle.id, threadId: first.threadId, emoji: '👍', on: false })
    expect(unreacted.circle.threads[0]!.reactions).toEqual([])

    expect(await core.dispatch('circles.react', { circleId: circle.id, threadId: first.threadId, emoji: '💩', on: true })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await core.dispatch('circles.reply', { circleId: circle.id, threadId: 'gone', body: 'Hello' })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('thread') } })
    expect(await core.dispatch('circles.reply', { circleId: circle.id, threadId: first.threadId, body: '   ' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: 'body: Required' } })
    expect(await core.dispatch('circles.reply', { circleId: circle.id, threadId: first.threadId, body: 'x'.repeat(10_001) })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await core.dispatch('circles.react', { circleId: circle.id, threadId: first.threadId, replyId: 'gone', emoji: '👍', on: true })).toMatchObject({ ok: false, error: { code: 'not-found' } })

    const deletedReply = await call(core, 'circles.deleteMessage', { circleId: circle.id, threadId: first.threadId, replyId })
    expect(deletedReply.circle.threads.find((t) => t.id === first.threadId)!.replies).toEqual([])
    const deletedThread = await call(core, 'circles.deleteMessage', { circleId: circle.id, threadId: second.threadId })
    expect(deletedThread.circle.threads.map((t) => t.id)).toEqual([first.threadId])
    const cleared = await call(core, 'circles.setAnnouncement', { circleId: circle.id, text: null })
    expect(cleared.circle.announcement).toBeNull()

    // As an editor: no announcements, no deleting others' messages, own messages still deletable.
    const handle = await circleHandle(core, circle.url)
    handle.change((doc) => void (doc.threads[first.threadId]!.author = 'SOMEONEELSE'))
    await demote(core, circle.url, 'editor')
    expect(await core.dispatch('circles.setAnnouncement', { circleId: circle.id, text: 'Mine' })).toMatchObject({ ok: false, error: { message: 'Only the circle’s owner can pin an announcement.' } })
    expect(await core.dispatch('circles.deleteMessage', { circleId: circle.id, threadId: first.threadId })).toMatchObject({ ok: false, error: { message: 'Only its author or the circle’s owner can delete a message.' } })
    const mine = await call(core, 'circles.reply', { circleId: circle.id, threadId: first.threadId, body: 'Mine to delete' })
    expect(mine.circle.threads[0]).toMatchObject({ canDelete: false, replies: [{ canDelete: true }] })
    await call(core, 'circles.deleteMessage', { circleId: circle.id, threadId: first.threadId, replyId: mine.replyId })

    // A viewer reads but writes nothing.
    await demote(core, circle.url, 'viewer')
    expect((await call(core, 'circles.get', { circleId: circle.id })).circle.myRole).toBe('viewer')
    expect(await core.dispatch('circles.addThread', { circleId: circle.id, title: 'x' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('view this circle but not change it') } })
    expect(await core.dispatch('circles.rsvp', { circleId: circle.id, meetupId: 'm', answer: 'yes' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('view this circle') } })
  })

  it('keep links and files as resources: http(s) only, files up to 10 MB in their own document, downloaded whole', async () => {
    const core = await cluster.open('a', { deviceName: 'Mr Okafor' })
    const { circle } = await call(core, 'circles.create', { name: 'EAL network' })
    const link = await call(core, 'circles.addResource', { circleId: circle.id, link: 'https://www.bell-foundation.org.uk/eal-programme/', howUsed: 'Used the assessment framework with Year 3.' })
    expect(link.circle.resources).toMatchObject([{ id: link.resourceId, title: 'www.bell-foundation.org.uk', url: 'https://www.bell-foundation.org.uk/eal-programme/', file: null, howUsed: 'Used the assessment framework with Year 3.', addedByName: 'Mr Okafor', canRemove: true }])

    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256))
    const added = await call(core, 'circles.addResource', { circleId: circle.id, title: 'Word mat', howUsed: 'On every table', file: { name: '../word mat.pdf', mediaType: 'application/pdf', base64: bytes.toString('base64') } })
    const resource = added.circle.resources.find((r) => r.id === added.resourceId)!
    expect(resource).toMatchObject({ title: 'Word mat', url: null, file: { name: '.._word mat.pdf', mediaType: 'application/pdf', size: 70_000 } })
    const stored = (await circleHandle(core, circle.url)).doc().resources[added.resourceId]!.file!
    const fileDoc = (await core.repo.find<{ kind: string; bytes: Uint8Array }>(stored.url as AutomergeUrl)).doc()
    expect(fileDoc.kind).toBe('circle-file')
    expect(Buffer.from(fileDoc.bytes).equals(bytes)).toBe(true)
    const download = await call(core, 'circles.downloadFile', { circleId: circle.id, resourceId: added.resourceId })
    expect(download).toMatchObject({ fileName: '.._word mat.pdf', mediaType: 'application/pdf', bytes: 70_000 })
    expect(Buffer.from(download.base64, 'base64').equals(bytes)).toBe(true)

    const refusal = (args: object) => core.dispatch('circles.addResource', { circleId: circle.id, ...args })
    expect(await refusal({ link: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('http') } })
    expect(await refusal({ link: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await refusal({})).toMatchObject({ ok: false, error: { message: 'Add either a link or a file to a resource (one of them).' } })
    expect(await refusal({ link: 'https://a.example', file: { name: 'a', base64: 'AAAA' } })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await refusal({ file: { name: 'empty.txt', base64: '' } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('empty') } })
    expect(await refusal({ file: { name: 'x', base64: 'not base64!' } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('base64') } })
    const tooBig = Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64')
    expect(await refusal({ file: { name: 'big.bin', base64: tooBig } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('10 MB') } })
    expect(await core.dispatch('circles.downloadFile', { circleId: circle.id, resourceId: link.resourceId })).toMatchObject({ ok: false, error: { message: 'This resource is a link, not a file.' } })
    expect(await core.dispatch('circles.downloadFile', { circleId: circle.id, resourceId: 'gone' })).toMatchObject({ ok: false, error: { code: 'not-found' } })

    const removed = await call(core, 'circles.removeResource', { circleId: circle.id, resourceId: link.resourceId })
    expect(removed.circle.resources.map((r) => r.id)).toEqual([added.resourceId])
    expect(await core.dispatch('circles.removeResource', { circleId: circle.id, resourceId: link.resourceId })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    const handle = await circleHandle(core, circle.url)
    handle.change((doc) => void (doc.resources[added.resourceId]!.addedBy = 'SOMEONEELSE'))
    await demote(core, circle.url, 'editor')
    expect(await core.dispatch('circles.removeResource', { circleId: circle.id, resourceId: added.resourceId })).toMatchObject({ ok: false, error: { message: expect.stringContaining('Only whoever added') } })
  })

  it('plan meetups with RSVPs, upcoming first, and export them as .ics with stable UIDs and escaped text', async () => {
    const core = await cluster.open('a')
    const { circle } = await call(core, 'circles.create', { name: 'Reading; for pleasure, \\ KS3' })
    const soon = await call(core, 'circles.addMeetup', { circleId: circle.id, title: 'Book swap, term 2', startsAt: '2099-03-05T16:00+01:00', endsAt: '2099-03-05T17:30+01:00', place: 'Library, Hillside; room 2', onlineUrl: 'https://meet.example/abc' })
    const later = await call(core, 'circles.addMeetup', { circleId: circle.id, title: 'Summer plans', startsAt: '2099-06-01T15:00Z', endsAt: '2099-06-01T16:00Z', place: '', onlineUrl: 'https://meet.example/summer' })
    const past = await call(core, 'circles.addMeetup', { circleId: circle.id, title: 'Kick-off', startsAt: '2020-01-10T16:00+00:00', endsAt: '2020-01-10T17:00+00:00', place: 'Staffroom' })
    const answered = await call(core, 'circles.rsvp', { circleId: circle.id, meetupId: soon.meetupId, answer: 'maybe' })
    expect(answered.circle.meetups.map((m) => [m.title, m.past, m.myRsvp])).toEqual([
      ['Book swap, term 2', false, 'maybe'],
      ['Summer plans', false, null],
      ['Kick-off', true, null],
    ])
    const changed = await call(core, 'circles.rsvp', { circleId: circle.id, meetupId: soon.meetupId, answer: 'yes' })
    expect(changed.circle.meetups[0]!.rsvpCounts).toEqual({ yes: 1, maybe: 0, no: 0 })

    const one = await call(core, 'circles.meetupIcs', { circleId: circle.id, meetupId: soon.meetupId })
    expect(one).toMatchObject({ fileName: 'Book swap, term 2.ics', mimeType: 'text/calendar' })
    for (const line of one.text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    expect(one.text).toContain('LOCATION:Library\\, Hillside\\; room 2\r\n')
    const [event] = new ICAL.Component(ICAL.parse(one.text) as unknown[]).getAllSubcomponents('vevent')
    expect(event!.getFirstPropertyValue('uid')).toBe(`meetup-${soon.meetupId}@staffroom`)
    expect((event!.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>).toJSDate().toISOString()).toBe('2099-03-05T15:00:00.000Z')
    expect((event!.getFirstPropertyValue('dtend') as InstanceType<typeof ICAL.Time>).toJSDate().toISOString()).toBe('2099-03-05T16:30:00.000Z')
    expect(event!.getFirstPropertyValue('location')).toBe('Library, Hillside; room 2')
    expect(event!.getFirstPropertyValue('url')).toBe('https://meet.example/abc')
    expect(event!.getFirstPropertyValue('description')).toBe('A meetup of Reading; for pleasure, \\ KS3.\n\nOnline: https://meet.example/abc')
    expect(event!.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect((await call(core, 'circles.meetupIcs', { circleId: circle.id, meetupId: soon.meetupId })).text.match(/UID:[^\r]+/)![0]).toBe(`UID:meetup-${soon.meetupId}@staffroom`)

    const upcoming = await call(core, 'circles.meetupIcs', { circleId: circle.id })
    const events = new ICAL.Component(ICAL.parse(upcoming.text) as unknown[]).getAllSubcomponents('vevent')
    expect(events.map((e) => e.getFirstPropertyValue('summary'))).toEqual(['Book swap, term 2', 'Summer plans'])
    expect(events[1]!.getFirstPropertyValue('location')).toBe('https://meet.example/summer')
    expect(upcoming.fileName).toBe('Reading; for pleasure, _ KS3 meetups.ics')

    const add = (args: object) => core.dispatch('circles.addMeetup', { circleId: circle.id, title: 'X', place: 'Here', ...args })
    expect(await add({ startsAt: '2099-03-05T16:00', endsAt: '2099-03-05T17:00' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('offset') } })
    expect(await add({ startsAt: '2099-03-05T17:00Z', endsAt: '2099-03-05T16:00Z' })).toMatchObject({ ok: false, error: { message: 'A meetup must end after it starts.' } })
    expect(await add({ startsAt: '2099-03-05T17:00Z', endsAt: '2099-04-05T16:00Z' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('14 days') } })
    expect(await add({ startsAt: '2099-03-05T16:00Z', endsAt: '2099-03-05T17:00Z', place: '' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('Say where') } })
    expect(await add({ startsAt: '2099-03-05T16:00Z', endsAt: '2099-03-05T17:00Z', onlineUrl: 'javascript:x' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await core.dispatch('circles.rsvp', { circleId: circle.id, meetupId: soon.meetupId, answer: 'perhaps' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await core.dispatch('circles.rsvp', { circleId: circle.id, meetupId: 'gone', answer: 'yes' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await core.dispatch('circles.meetupIcs', { circleId: circle.id, meetupId: 'gone' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(later.meetupId).not.toBe(past.meetupId)
  })

  it('read a damaged circle from a peer without failing, and refuse to write one from a newer app', async () => {
    const core = await cluster.open('a')
    const { circle } = await call(core, 'circles.create', { name: 'Odd' })
    const handle = await circleHandle(core, circle.url)
    handle.change((doc) => {
      const loose = doc as unknown as Record<string, unknown>
      loose.threads = { t1: 'not a thread', t2: { title: 42, replies: 'no', reactions: { '👍': 'x', '🎉': { D1: true, D2: 'yes' } } } }
      loose.resources = { r1: { title: 'Bad file', file: { url: 'not-a-url' }, url: 'javascript:alert(1)' } }
      loose.meetups = { m1: { title: 'No dates' }, m2: { title: 'Ok', startsAt: '2099-01-01T10:00Z', endsAt: '2099-01-01T11:00Z', rsvps: { D1: 'yes', D2: 'sure' }, onlineUrl: 'javascript:x' } }
      loose.announcement = { text: 7 }
    })
    const read = (await call(core, 'circles.get', { circleId: circle.id })).circle
    expect(read.threads).toMatchObject([{ id: 't2', title: '', replies: [], reactions: [{ emoji: '🎉', count: 1, mine: false }] }])
    expect(read.resources).toMatchObject([{ id: 'r1', title: 'Bad file', url: null, file: null }])
    expect(read.meetups).toMatchObject([{ id: 'm2', rsvpCounts: { yes: 1, maybe: 0, no: 0 }, onlineUrl: null }])
    expect(read.announcement).toBeNull()
    expect(await core.dispatch('circles.reply', { circleId: circle.id, threadId: 't1', body: 'hi' })).toMatchObject({ ok: false, error: { code: 'not-found' } })

    handle.change((doc) => void ((doc as unknown as Record<string, unknown>).meetups = 'not a map'))
    const fresh = await call(core, 'circles.addMeetup', { circleId: circle.id, title: 'Fresh start', startsAt: '2099-01-01T10:00Z', endsAt: '2099-01-01T11:00Z', place: 'Hall' })
    expect(fresh.circle.meetups.map((m) => m.title)).toEqual(['Fresh start'])

    handle.change((doc) => void (doc.schemaVersion = 99))
    expect((await call(core, 'circles.get', { circleId: circle.id })).circle.readOnlyReason).toMatch(/newer version/)
    expect(await core.dispatch('circles.addThread', { circleId: circle.id, title: 'x' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('newer version') } })
    expect(await core.dispatch('circles.addResource', { circleId: circle.id, file: { name: 'a.txt', base64: 'aGk=' } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('newer version') } })
  })
})
