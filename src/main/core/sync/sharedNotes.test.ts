import { describe, expect, it } from 'vitest'
import { call } from '../testing/coreHarness'
import { coreCluster } from '../testing/coreCluster'
import { eventually } from '../testing/eventually'

describe('notes shared with a colleague', () => {
  const cluster = coreCluster()

  it('are listed among the colleague’s notes after accepting, and sync.noteMembers says who has a note', async () => {
    const a = await cluster.open('a', { deviceName: 'Mr Okafor’s laptop' })
    const b = await cluster.open('b', { deviceName: 'Ms Diallo’s laptop' })
    await a.sync.start({ host: '127.0.0.1' })
    const plan = await call(a, 'notes.create', { title: 'Year 5 science' })
    const kept = await call(a, 'notes.create', { title: 'Private reflections' })
    expect(await call(a, 'sync.noteMembers', { noteId: plan.id })).toEqual({ members: [], relayed: false })

    const invite = await call(a, 'sync.createInvite', { relation: 'contact', noteIds: [plan.id], role: 'viewer' })
    await call(b, 'sync.acceptInvite', { code: invite.code })
    const bId = b.sync.identity.deviceId
    expect(await call(a, 'sync.noteMembers', { noteId: plan.id })).toEqual({ members: [{ deviceId: bId, role: 'viewer' }], relayed: false })
    expect(await call(a, 'sync.noteMembers', { noteId: kept.id })).toEqual({ members: [], relayed: false })

    await eventually(async () => {
      const got = await b.dispatch('notes.get', { id: plan.id })
      return got.ok && (got.value as { title: string }).title === 'Year 5 science'
    })
    expect(await call(b, 'sync.noteMembers', { noteId: plan.id })).toEqual({ members: [{ deviceId: a.sync.identity.deviceId, role: 'owner' }], relayed: false })
    const listed = await call(b, 'notes.list', {})
    expect(listed.notes.map((n) => n.title)).toEqual(['Year 5 science'])
    expect(await b.dispatch('notes.get', { id: kept.id })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await a.dispatch('sync.noteMembers', { noteId: 'no-such-note' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('reach the colleague when shared after pairing, and stop syncing when unshared', async () => {
    const a = await cluster.open('a', { deviceName: 'A' })
    const b = await cluster.open('b', { deviceName: 'B' })
    await a.sync.start({ host: '127.0.0.1' })
    const invite = await call(a, 'sync.createInvite', { relation: 'contact' })
    await call(b, 'sync.acceptInvite', { code: invite.code })
    const bId = b.sync.identity.deviceId
    await eventually(async () => a.sync.service.isConnected(bId))

    const later = await call(a, 'notes.create', { title: 'Shared a week later' })
    await call(a, 'sync.setNoteMember', { noteId: later.id, deviceId: bId, role: 'editor' })
    await eventually(async () => (await call(b, 'notes.list', {})).notes.some((n) => n.title === 'Shared a week later'))
    expect(await call(b, 'sync.noteMembers', { noteId: later.id })).toEqual({ members: [{ deviceId: a.sync.identity.deviceId, role: 'owner' }], relayed: false })

    // B shares one of its own notes back the same way.
    const fromB = await call(b, 'notes.create', { title: 'From B' })
    await call(b, 'sync.setNoteMember', { noteId: fromB.id, deviceId: a.sync.identity.deviceId, role: 'viewer' })
    await eventually(async () => (await call(a, 'notes.list', {})).notes.some((n) => n.title === 'From B'))

    await call(a, 'sync.setNoteMember', { noteId: later.id, deviceId: bId, role: null })
    await eventually(async () => (await call(b, 'sync.noteMembers', { noteId: later.id })).members.length === 0)
    const onA = await a.repo.find<{ title: string }>(later.url as never)
    onA.change((doc) => void (doc.title = 'Edited after unsharing'))
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect((await call(b, 'notes.get', { id: later.id })).title).toBe('Shared a week later')
  })
})
