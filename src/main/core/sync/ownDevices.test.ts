import type { AutomergeUrl } from '@automerge/automerge-repo'
import { describe, expect, it } from 'vitest'
import type { Core } from '../Core'
import { call } from '../testing/coreHarness'
import { coreCluster } from '../testing/coreCluster'
import { eventually } from '../testing/eventually'

const titles = async (core: Core) => (await call(core, 'notes.list', {})).notes.map((n) => n.title).sort()

describe('pairing an own device', () => {
  const cluster = coreCluster()

  it('replicates the whole workspace both ways (keeping what the new device had), and unpairing stops it', async () => {
    const a = await cluster.open('desktop', { deviceName: 'Desktop' })
    await a.sync.start({ host: '127.0.0.1' })
    await call(a, 'notes.create', { title: 'Lesson from the desktop' })
    await call(a, 'contacts.create', { fields: { name: 'Amara Okafor' } })

    let b = await cluster.open('laptop', { deviceName: 'Laptop' })
    await call(b, 'notes.create', { title: 'Written on the laptop first' })
    const invite = await call(a, 'sync.createInvite', { relation: 'own' })
    const accepted = await call(b, 'sync.acceptInvite', { code: invite.code })
    expect(accepted).toMatchObject({ device: { relation: 'own', name: 'Desktop' }, workspaceUrl: a.workspaceUrl, restartRequired: true })
    await b.shutdown()

    b = await cluster.open('laptop')
    expect(b.workspaceUrl).toBe(a.workspaceUrl)
    await b.sync.start({ host: '127.0.0.1' })
    const everything = ['Lesson from the desktop', 'Written on the laptop first']
    await eventually(async () => JSON.stringify(await titles(b)) === JSON.stringify(everything))
    await eventually(async () => JSON.stringify(await titles(a)) === JSON.stringify(everything))
    await eventually(async () => (await call(b, 'contacts.list', {})).rows.some((r) => r.name === 'Amara Okafor'))
    await eventually(async () => {
      const { workspace } = await call(b, 'sync.status', {})
      return workspace.listed >= 3 && workspace.present === workspace.listed
    })
    expect((await call(b, 'sync.status', {})).relay).toEqual({ url: null, state: 'offline', lastError: null, relayed: 0 })

    await call(a, 'sync.revokeDevice', { deviceId: b.sync.identity.deviceId })
    await eventually(async () => !b.sync.service.isConnected(a.sync.identity.deviceId))
    const note = (await call(b, 'notes.list', {})).notes.find((n) => n.title === 'Written on the laptop first')!
    const handle = await b.repo.find<{ title: string }>(note.url as AutomergeUrl)
    handle.change((doc) => void (doc.title = 'Changed after unpairing'))
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await titles(a)).toEqual(everything)
  })
})
