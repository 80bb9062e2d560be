import { describe, expect, it } from 'vitest'
import { call } from '../testing/coreHarness'
import { coreCluster } from '../testing/coreCluster'
import { eventually } from '../testing/eventually'

describe('the sync API through dispatch', () => {
  const cluster = coreCluster()

  it('invites a colleague to a note, shows them online, shares another note, and revokes them', async () => {
    const a = await cluster.open('a', { deviceName: 'Staffroom server' })
    const b = await cluster.open('b', { deviceName: 'Ms Diallo’s laptop' })
    const notYet = await a.dispatch('sync.createInvite', { relation: 'contact' })
    expect(notYet).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/not accepting/) } })

    await a.sync.start({ host: '127.0.0.1' })
    const plan = await call(a, 'notes.create', { title: 'Year 5 science' })
    const other = await call(a, 'notes.create', { title: 'Trip letters' })
    const status = await call(a, 'sync.status', {})
    expect(status).toMatchObject({ deviceName: 'Staffroom server', deviceId: a.sync.identity.deviceId, devices: [] })
    expect(status.shownId.split('-')).toHaveLength(13)

    const invite = await call(a, 'sync.createInvite', { relation: 'contact', noteIds: [plan.id], validForMinutes: 30 })
    expect(invite.shares).toEqual([{ title: 'Year 5 science' }])
    const wrong = await b.dispatch('sync.acceptInvite', { code: invite.code.slice(0, 30) })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/damaged or incomplete/) } })

    const accepted = await call(b, 'sync.acceptInvite', { code: `\n${invite.link}\n` })
    expect(accepted).toMatchObject({ device: { name: 'Staffroom server', relation: 'contact' }, shares: [{ title: 'Year 5 science', url: plan.url }] })
    await eventually(async () => (await call(a, 'sync.status', {})).devices.some((d) => d.name === 'Ms Diallo’s laptop' && d.online))

    const bId = b.sync.identity.deviceId
    expect((await call(a, 'sync.setNoteMember', { noteId: other.id, deviceId: bId, role: 'viewer' })).members).toEqual([{ deviceId: bId, role: 'viewer' }])
    expect((await call(a, 'sync.revokeDevice', { deviceId: bId })).revoked).toBe(true)
    await eventually(async () => !(await call(b, 'sync.status', {})).devices[0]!.online)
    const revoked = (await call(a, 'sync.status', {})).devices[0]!
    expect(revoked.revokedAt).not.toBeNull()
    expect(await a.dispatch('sync.setNoteMember', { noteId: other.id, deviceId: bId, role: 'editor' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('connects to a paired device at a typed address after its address changed, and refuses a wrong one clearly', async () => {
    const a = await cluster.open('a', { deviceName: 'Server' })
    const b = await cluster.open('b', { deviceName: 'Laptop' })
    const c = await cluster.open('c', { deviceName: 'Someone else' })
    await a.sync.start({ host: '127.0.0.1' })
    const invite = await call(a, 'sync.createInvite', { relation: 'contact' })
    await call(b, 'sync.acceptInvite', { code: invite.code })
    const aId = a.sync.identity.deviceId
    await eventually(() => b.sync.service.isConnected(aId))

    // A moves to another port (a restart, a new network): B's remembered address is stale.
    await a.sync.stop()
    await eventually(() => !b.sync.service.isConnected(aId))
    const { port } = await a.sync.start({ host: '127.0.0.1' })
    const { port: otherPort } = await c.sync.start({ host: '127.0.0.1' })
    const wrong = await b.dispatch('sync.connectDevice', { deviceId: aId, address: `127.0.0.1:${otherPort}` })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await b.dispatch('sync.connectDevice', { deviceId: aId, address: 'not an address' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/host:port/) } })

    const connected = await call(b, 'sync.connectDevice', { deviceId: aId, address: ` 127.0.0.1:${port} ` })
    expect(connected.device).toMatchObject({ deviceId: aId, online: true, addresses: [`127.0.0.1:${port}`, expect.any(String)] })
  })

  it('links a colleague’s device to a contact, from the invite or later, and refuses unknown contacts and own devices', async () => {
    const a = await cluster.open('a', { deviceName: 'A' })
    const b = await cluster.open('b', { deviceName: 'B' })
    await a.sync.start({ host: '127.0.0.1' })
    const amara = await call(a, 'contacts.create', { fields: { name: 'Amara Diallo' } })
    expect(await a.dispatch('sync.createInvite', { relation: 'contact', contactId: 'no-such-contact' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    const invite = await call(a, 'sync.createInvite', { relation: 'contact', contactId: amara.contact.id })
    await call(b, 'sync.acceptInvite', { code: invite.code })
    const bId = b.sync.identity.deviceId
    expect((await call(a, 'sync.status', {})).devices[0]).toMatchObject({ deviceId: bId, contactId: amara.contact.id })

    const other = await call(a, 'contacts.create', { fields: { name: 'Lin Park' } })
    expect((await call(a, 'sync.linkContact', { deviceId: bId, contactId: other.contact.id })).device.contactId).toBe(other.contact.id)
    expect((await call(a, 'sync.linkContact', { deviceId: bId, contactId: null })).device.contactId).toBeNull()
    expect(await a.dispatch('sync.linkContact', { deviceId: bId, contactId: 'missing' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })

    const own = await call(a, 'sync.createInvite', { relation: 'own' })
    const c = await cluster.open('c')
    await call(c, 'sync.acceptInvite', { code: own.code })
    expect(await a.dispatch('sync.linkContact', { deviceId: c.sync.identity.deviceId, contactId: amara.contact.id })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
  })
})
