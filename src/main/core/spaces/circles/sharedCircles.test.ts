import { parseAutomergeUrl, type AutomergeUrl } from '@automerge/automerge-repo'
import type { CircleDoc } from '@shared/spaces/CircleDoc'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../Core'
import { ICAL } from '../../io/ical'
import { call } from '../../testing/coreHarness'
import { coreCluster } from '../../testing/coreCluster'
import { eventually } from '../../testing/eventually'

async function pair(a: Core, b: Core): Promise<void> {
  await a.sync.start({ host: '127.0.0.1' })
  const invite = await call(a, 'sync.createInvite', { relation: 'contact' })
  await call(b, 'sync.acceptInvite', { code: invite.code })
  await eventually(async () => a.sync.service.isConnected(b.sync.identity.deviceId))
}

async function fileDocumentId(core: Core, circleUrl: string, resourceId: string): Promise<string> {
  const circle = (await core.repo.find<CircleDoc>(circleUrl as AutomergeUrl)).doc()
  return parseAutomergeUrl(circle.resources[resourceId]!.file!.url as AutomergeUrl).documentId
}

describe('a circle shared with a colleague', () => {
  const cluster = coreCluster()

  it('reaches them: they reply, RSVP and add a file, the owner sees it all, and files follow membership', async () => {
    const a = await cluster.open('a', { deviceName: 'Ms Diallo' })
    const b = await cluster.open('b', { deviceName: 'Mr Okafor' })
    await pair(a, b)
    const aId = a.sync.identity.deviceId
    const bId = b.sync.identity.deviceId

    const { circle } = await call(a, 'circles.create', { name: 'Science teachers, North', description: 'Termly meetups' })
    const { threadId } = await call(a, 'circles.addThread', { circleId: circle.id, title: 'Best practical for forces?', body: 'Ideas welcome' })
    const { meetupId } = await call(a, 'circles.addMeetup', { circleId: circle.id, title: 'Forces practicals', startsAt: '2099-02-10T16:00+00:00', endsAt: '2099-02-10T17:00+00:00', place: 'Hillside lab 3' })
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31 + 7) % 256))
    const fromA = await call(a, 'circles.addResource', { circleId: circle.id, howUsed: 'Year 8, as a homework sheet', file: { name: 'forces.pdf', mediaType: 'application/pdf', base64: bytes.toString('base64') } })
    const aFileId = await fileDocumentId(a, circle.url, fromA.resourceId)
    expect(a.sync.members.membersOf(aFileId)).toEqual([])

    await call(a, 'spaces.setMember', { spaceId: circle.id, deviceId: bId, role: 'editor' })
    expect(a.sync.members.isMember(aFileId, bId)).toBe(true)
    await eventually(async () => (await call(b, 'spaces.list', {})).spaces.some((s) => s.id === circle.id && s.kind === 'circle' && s.present && s.title === 'Science teachers, North'))
    // B opens A's file to A as soon as the circle arrives, before anything on B asks for the circle.
    await eventually(async () => b.sync.members.isMember(aFileId, aId))

    const onB = (await call(b, 'circles.get', { circleId: circle.id })).circle
    expect(onB).toMatchObject({ myRole: 'editor', threads: [{ id: threadId, title: 'Best practical for forces?' }], meetups: [{ id: meetupId, myRsvp: null }] })
    expect(onB.members.map((m) => [m.name, m.role, m.isMe])).toEqual([
      ['Ms Diallo', 'owner', false],
      ['Mr Okafor', 'editor', true],
    ])

    // A's file reaches B and downloads byte for byte.
    await eventually(async () => (await b.dispatch('circles.downloadFile', { circleId: circle.id, resourceId: fromA.resourceId })).ok, 30_000)
    const download = await call(b, 'circles.downloadFile', { circleId: circle.id, resourceId: fromA.resourceId })
    expect(download).toMatchObject({ fileName: 'forces.pdf', mediaType: 'application/pdf', bytes: 300_000 })
    expect(Buffer.from(download.base64, 'base64').equals(bytes)).toBe(true)
    expect(b.sync.members.membersOf(aFileId)).toEqual([{ deviceId: aId, role: 'viewer' }])

    const { replyId } = await call(b, 'circles.reply', { circleId: circle.id, threadId, body: 'Trolleys down ramps, every time.' })
    await call(b, 'circles.react', { circleId: circle.id, threadId, emoji: '🎉', on: true })
    await call(b, 'circles.rsvp', { circleId: circle.id, meetupId, answer: 'yes' })
    const fromB = await call(b, 'circles.addResource', { circleId: circle.id, title: 'Ramp worksheet', howUsed: 'Year 7 starter', file: { name: 'ramps.txt', mediaType: 'text/plain', base64: Buffer.from('Measure, then predict.').toString('base64') } })

    await eventually(async () => {
      const onA = (await call(a, 'circles.get', { circleId: circle.id })).circle
      return onA.threads[0]?.replies.some((r) => r.id === replyId) === true && onA.meetups[0]?.rsvpCounts.yes === 1 && onA.resources.some((r) => r.id === fromB.resourceId)
    })
    const onA = (await call(a, 'circles.get', { circleId: circle.id })).circle
    expect(onA.threads[0]).toMatchObject({ reactions: [{ emoji: '🎉', count: 1, mine: false }], replies: [{ body: 'Trolleys down ramps, every time.', authorName: 'Mr Okafor', canDelete: true }] })
    expect(onA.meetups[0]).toMatchObject({ rsvpCounts: { yes: 1, maybe: 0, no: 0 }, myRsvp: null })
    await eventually(async () => (await a.dispatch('circles.downloadFile', { circleId: circle.id, resourceId: fromB.resourceId })).ok, 30_000)
    const fromBOnA = await call(a, 'circles.downloadFile', { circleId: circle.id, resourceId: fromB.resourceId })
    expect(Buffer.from(fromBOnA.base64, 'base64').toString()).toBe('Measure, then predict.')

    // The calendar B exports has the meetup at the right time.
    const ics = await call(b, 'circles.meetupIcs', { circleId: circle.id, meetupId })
    const [event] = new ICAL.Component(ICAL.parse(ics.text) as unknown[]).getAllSubcomponents('vevent')
    expect((event!.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>).toJSDate().toISOString()).toBe('2099-02-10T16:00:00.000Z')
    expect(event!.getFirstPropertyValue('location')).toBe('Hillside lab 3')

    // Removing B from the circle takes B off its files here too.
    const bFileId = await fileDocumentId(a, circle.url, fromB.resourceId)
    expect(a.sync.members.isMember(bFileId, bId)).toBe(true)
    await call(a, 'spaces.setMember', { spaceId: circle.id, deviceId: bId, role: null })
    expect(a.sync.members.isMember(aFileId, bId)).toBe(false)
    expect(a.sync.members.isMember(bFileId, bId)).toBe(false)
  })
})
