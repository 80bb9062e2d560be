import { describe, expect, it } from 'vitest'
import type { Core } from '../Core'
import { call } from '../testing/coreHarness'
import { coreCluster } from '../testing/coreCluster'
import { eventually } from '../testing/eventually'

async function pair(a: Core, b: Core): Promise<void> {
  await a.sync.start({ host: '127.0.0.1' })
  const invite = await call(a, 'sync.createInvite', { relation: 'contact' })
  await call(b, 'sync.acceptInvite', { code: invite.code })
  await eventually(async () => a.sync.service.isConnected(b.sync.identity.deviceId))
}

const failure = (result: Awaited<ReturnType<Core['dispatch']>>) => (result.ok ? 'accepted' : result.error.message)

describe('sharing a link into a project or circle (resources.shareToSpace)', () => {
  const cluster = coreCluster()

  it('adds it to the space and records it as given to the members linked to contacts; a viewer is refused', async () => {
    const a = await cluster.open('a', { deviceName: 'Ms Diallo' })
    const b = await cluster.open('b', { deviceName: 'Mr Okafor' })
    await pair(a, b)
    const bId = b.sync.identity.deviceId
    const okafor = (await call(a, 'contacts.create', { fields: { name: 'Bea Okafor' } })).contact
    const { project } = await call(a, 'projects.create', { title: 'Volcanoes unit', template: 'blank' })
    await call(a, 'spaces.setMember', { spaceId: project.id, deviceId: bId, role: 'editor' })

    // A member whose device is linked to no contact is left out of the entry.
    const unlinked = await call(a, 'resources.shareToSpace', { spaceKind: 'project', spaceId: project.id, title: 'Volcano map', url: 'https://example.org/map', today: '2026-03-04' })
    expect(unlinked.resource.contactIds).toEqual([])
    await call(a, 'resources.delete', { id: unlinked.resource.id })

    await call(a, 'sync.linkContact', { deviceId: bId, contactId: okafor.id })

    const shared = await call(a, 'resources.shareToSpace', { spaceKind: 'project', spaceId: project.id, title: 'Eruption timelapse', url: 'https://example.org/eruption', note: 'For the starter', today: '2026-03-05' })
    expect(shared.space).toEqual({ id: project.id, kind: 'project', title: 'Volcanoes unit' })
    expect(shared.resource).toMatchObject({ title: 'Eruption timelapse', type: 'link', url: 'https://example.org/eruption', direction: 'given', date: '2026-03-05', spaceId: project.id, contactIds: [okafor.id], notes: 'For the starter' })
    expect(shared.row).toMatchObject({ contacts: [{ id: okafor.id, name: 'Bea Okafor' }], space: { id: project.id, kind: 'project', title: 'Volcanoes unit' } })
    const onA = (await call(a, 'projects.get', { projectId: project.id })).project
    expect(onA.resources).toMatchObject([{ title: 'Volcano map' }, { id: shared.spaceResourceId, title: 'Eruption timelapse', url: 'https://example.org/eruption', note: 'For the starter', addedBy: a.sync.identity.deviceId }])
    expect((await call(a, 'resources.people', {})).people).toEqual([{ contact: { id: okafor.id, name: 'Bea Okafor' }, given: 1, received: 0 }])
    expect((await call(a, 'resources.list', { spaceId: project.id })).total).toBe(1)

    // The colleague sees the link in the project; their own ledger records nothing (DECISIONS: received is explicit).
    await eventually(async () => (await b.dispatch('projects.get', { projectId: project.id })).ok)
    await eventually(async () => (await call(b, 'projects.get', { projectId: project.id })).project.resources.length === 2)
    expect((await call(b, 'resources.list', {})).total).toBe(0)

    // As a viewer, b may not share into it: nothing is added to the project or to b's ledger.
    await call(a, 'spaces.setMember', { spaceId: project.id, deviceId: bId, role: 'viewer' })
    await eventually(async () => (await call(b, 'projects.get', { projectId: project.id })).project.myRole === 'viewer')
    expect(failure(await b.dispatch('resources.shareToSpace', { spaceKind: 'project', spaceId: project.id, title: 'My slides', url: 'https://example.org/slides' }))).toMatch(/view this project but not change it/)
    expect((await call(b, 'projects.get', { projectId: project.id })).project.resources).toHaveLength(2)
    expect((await call(b, 'resources.list', {})).total).toBe(0)
  })

  it('shares into a circle as a link resource, refuses bad links and unknown spaces, and undoes through the ledger', async () => {
    const a = await cluster.open('a', { deviceName: 'Ms Diallo' })
    const { circle } = await call(a, 'circles.create', { name: 'Science PLC' })

    const shared = await call(a, 'resources.shareToSpace', { spaceKind: 'circle', spaceId: circle.id, title: 'Rock cycle game', url: 'https://example.org/rocks', note: 'Worked well with Year 8' })
    // Nobody else is in the circle, so the entry names no one.
    expect(shared.resource).toMatchObject({ direction: 'given', contactIds: [], spaceId: circle.id })
    expect(shared.row.space).toEqual({ id: circle.id, kind: 'circle', title: 'Science PLC' })
    const { circle: after } = await call(a, 'circles.get', { circleId: circle.id })
    expect(after.resources).toMatchObject([{ id: shared.spaceResourceId, title: 'Rock cycle game', url: 'https://example.org/rocks', howUsed: 'Worked well with Year 8' }])

    const share = (args: object) => a.dispatch('resources.shareToSpace', { spaceKind: 'circle', spaceId: circle.id, title: 'Rocks', ...args })
    expect(failure(await share({ url: 'javascript:alert(1)' }))).toMatch(/http\(s\)/)
    expect(failure(await share({ url: 'file:///etc/passwd' }))).toMatch(/http\(s\)/)
    expect(failure(await share({ url: 'https://example.org/x', readingId: 'no-such-reading' }))).not.toBe('accepted')
    expect(failure(await a.dispatch('resources.shareToSpace', { spaceKind: 'project', spaceId: circle.id, title: 'Rocks', url: 'https://example.org/x' }))).toMatch(/project does not exist here/)
    expect((await call(a, 'circles.get', { circleId: circle.id })).circle.resources).toHaveLength(1)
    expect((await call(a, 'resources.list', {})).total).toBe(1)

    // From the reading list: the entry names the reading it came from.
    const reading = (await call(a, 'reading.create', { fields: { title: 'Rocks in the news', url: 'https://example.org/news' } })).item
    const fromReading = await call(a, 'resources.shareToSpace', { spaceKind: 'circle', spaceId: circle.id, title: reading.title, url: reading.url!, readingId: reading.id })
    expect(fromReading.resource).toMatchObject({ readingId: reading.id, spaceId: circle.id, direction: 'given' })
    expect(fromReading.row.readingId).toBe(reading.id)
    await call(a, 'resources.delete', { id: fromReading.resource.id })

    const receipt = await call(a, 'resources.delete', { id: shared.resource.id })
    expect((await call(a, 'resources.list', {})).total).toBe(0)
    await call(a, 'undo.apply', { undoToken: receipt.undoToken })
    expect((await call(a, 'resources.list', { spaceId: circle.id })).rows).toMatchObject([{ id: shared.resource.id, title: 'Rock cycle game' }])
  })
})
