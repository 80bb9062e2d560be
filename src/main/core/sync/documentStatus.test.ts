import { describe, expect, it } from 'vitest'
import { coreCluster } from '../testing/coreCluster'
import { call } from '../testing/coreHarness'
import { eventually } from '../testing/eventually'

describe('sync.documentStatus on real cores over the TLS link', () => {
  const cluster = coreCluster()

  it('says synced once an edit reached the colleague, pending while it is offline, and synced again after it reconnects', async () => {
    const a = await cluster.open('a', { deviceName: 'Mr Okafor’s laptop' })
    let b = await cluster.open('b', { deviceName: 'Ms Diallo’s laptop' })
    await a.sync.start({ host: '127.0.0.1' })
    const plan = await call(a, 'notes.create', { title: 'Year 5 science' })
    const personal = await call(a, 'notes.create', { title: 'Private reflections' })
    const bId = b.sync.identity.deviceId
    const statusOnA = async (noteId = plan.id) => (await call(a, 'sync.documentStatus', { documentIds: [noteId] })).documents[0]!.devices

    // A personal note has nobody to sync with (no own device is paired).
    expect(await statusOnA(personal.id)).toEqual([])
    const invite = await call(a, 'sync.createInvite', { relation: 'contact', noteIds: [plan.id] })
    await call(b, 'sync.acceptInvite', { code: invite.code })
    expect(await statusOnA(personal.id)).toEqual([])

    const onA = await a.repo.find<{ title: string }>(plan.url as never)
    onA.change((doc) => void (doc.title = 'Year 5 science, week 2'))
    await eventually(async () => (await b.dispatch('notes.get', { id: plan.id })).ok && (await call(b, 'notes.get', { id: plan.id })).title === 'Year 5 science, week 2')
    await eventually(async () => (await statusOnA())[0]?.state === 'synced')
    const synced = (await statusOnA())[0]!
    expect(synced).toMatchObject({ deviceId: bId, name: 'Ms Diallo’s laptop', online: true, state: 'synced' })
    expect(synced.lastSyncAt).toBeGreaterThan(Date.now() - 60_000)

    // The colleague goes offline; an edit made here waits for it.
    await b.shutdown()
    await eventually(async () => !a.sync.service.isConnected(bId))
    onA.change((doc) => void (doc.title = 'Year 5 science, week 3'))
    expect((await statusOnA())[0]).toMatchObject({ deviceId: bId, online: false, state: 'pending', lastSyncAt: synced.lastSyncAt })

    // It comes back (same profile, so the same device and storage id) and catches up.
    b = await cluster.open('b', { deviceName: 'Ms Diallo’s laptop' })
    await b.sync.start({ host: '127.0.0.1' })
    await eventually(async () => (await statusOnA())[0]?.state === 'synced', 15_000)
    expect((await statusOnA())[0]).toMatchObject({ online: true, state: 'synced' })
    expect((await call(b, 'notes.get', { id: plan.id })).title).toBe('Year 5 science, week 3')

    // B lists A (who shared the note) as the device it syncs the note with.
    expect((await call(b, 'sync.documentStatus', { documentIds: [plan.id] })).documents[0]!.devices).toEqual([
      expect.objectContaining({ deviceId: a.sync.identity.deviceId, name: 'Mr Okafor’s laptop' }),
    ])
    expect(await a.dispatch('sync.documentStatus', { documentIds: Array.from({ length: 201 }, (_, i) => `d${i}`) })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
  })
})
