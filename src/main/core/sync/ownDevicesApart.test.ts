import { describe, expect, it } from 'vitest'
import type { Core } from '../Core'
import { call } from '../testing/coreHarness'
import { coreCluster } from '../testing/coreCluster'
import { eventually } from '../testing/eventually'

const contactNames = async (core: Core) => (await call(core, 'contacts.list', {})).rows.map((r) => r.name).sort()

describe('own devices that each stored their first contact while apart', () => {
  const cluster = coreCluster()

  // Found by the hostile suite's convergence test (tests/hostile/convergence.test.ts): both
  // devices made the workspace's map of contact shards, Automerge kept one, and the other
  // device's contacts vanished from every device but itself.
  it('both keep everything once they meet', async () => {
    const a = await cluster.open('desktop', { deviceName: 'Desktop' })
    await a.sync.start({ host: '127.0.0.1' })
    let b = await cluster.open('laptop', { deviceName: 'Laptop' })
    const invite = await call(a, 'sync.createInvite', { relation: 'own' })
    await call(b, 'sync.acceptInvite', { code: invite.code })
    await b.shutdown()
    b = await cluster.open('laptop')

    // Apart (the laptop's sync is off): each stores a contact and logs an interaction.
    const { contact: amara } = await call(a, 'contacts.create', { fields: { name: 'Amara Okafor' } })
    await call(a, 'interactions.log', { fields: { date: '2026-03-02', contactIds: [amara.id], mode: 'in-person' } })
    const { contact: zoe } = await call(b, 'contacts.create', { fields: { name: 'Zoë Martin' } })
    await call(b, 'interactions.log', { fields: { date: '2026-03-03', contactIds: [zoe.id], mode: 'online' } })

    await b.sync.start({ host: '127.0.0.1' })
    const both = ['Amara Okafor', 'Zoë Martin']
    await eventually(async () => JSON.stringify(await contactNames(a)) === JSON.stringify(both))
    await eventually(async () => JSON.stringify(await contactNames(b)) === JSON.stringify(both))
    for (const core of [a, b]) {
      expect((await call(core, 'interactions.list', {})).rows.map((r) => r.date).sort()).toEqual(['2026-03-02', '2026-03-03'])
      expect((await call(core, 'contacts.get', { id: zoe.id })).contact.name).toBe('Zoë Martin')
      expect((await call(core, 'contacts.get', { id: amara.id })).contact.name).toBe('Amara Okafor')
    }
  })
})
