import { MessageChannel } from 'node:worker_threads'
import { Repo, type AutomergeUrl } from '@automerge/automerge-repo'
import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'
import { describe, expect, it } from 'vitest'
import type { Core } from '../Core'
import type { WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import { call, connectRenderer } from '../testing/coreHarness'
import { workspaceCollections } from '../workspace/workspaceCollections'
import type { DeviceRelation } from './TrustedDevices'
import { coreCluster } from '../testing/coreCluster'
import { eventually } from '../testing/eventually'

/** Resolves with the document, or 'unavailable' when the peers that were asked do not share it. */
async function fetchFrom(core: Core, url: string): Promise<unknown> {
  try {
    const handle = await core.repo.find(url as AutomergeUrl)
    return handle.doc()
  } catch (error) {
    if (/unavailable/i.test(String(error))) return 'unavailable'
    throw error
  }
}

describe('access control between two cores over TLS', () => {
  const cluster = coreCluster()

  async function linked(relationOfB: DeviceRelation): Promise<{ a: Core; b: Core }> {
    const a = await cluster.open('a')
    const b = await cluster.open('b')
    const port = await a.sync.service.listen({ host: '127.0.0.1' })
    a.sync.trusted.pin({ certificatePem: b.sync.identity.certificatePem, name: 'B', relation: relationOfB })
    b.sync.trusted.pin({ certificatePem: a.sync.identity.certificatePem, name: 'A', relation: relationOfB })
    await b.sync.service.connectTo(a.sync.identity.deviceId, `127.0.0.1:${port}`)
    await eventually(() => a.sync.service.isConnected(b.sync.identity.deviceId))
    return { a, b }
  }

  it('gives a contact exactly the documents it is a member of, even when it knows other URLs (a private note, the workspace, the contacts)', async () => {
    const { a, b } = await linked('contact')
    const shared = await call(a, 'notes.create', { title: 'Shared unit plan' })
    const secret = await call(a, 'notes.create', { title: 'Private reflections' })
    a.sync.members.add(shared.id, b.sync.identity.deviceId, 'editor')
    // B is hostile: it lists A for every URL it knows, so it asks A for all of them.
    await call(a, 'contacts.create', { fields: { name: 'Amara Okafor' } })
    const workspace = await a.repo.find<WorkspaceDoc>(a.workspaceUrl as AutomergeUrl)
    const contactsDocument = [...workspaceCollections(workspace).values()].find((entry) => entry.kind === 'contact')!
    for (const id of [shared.id, secret.id, a.workspaceUrl.replace('automerge:', ''), contactsDocument.documentId]) b.sync.members.add(id, a.sync.identity.deviceId, 'owner')

    expect(await fetchFrom(b, shared.url)).toMatchObject({ title: 'Shared unit plan' })
    expect(await fetchFrom(b, secret.url)).toBe('unavailable')
    expect(await fetchFrom(b, a.workspaceUrl)).toBe('unavailable')
    expect(await fetchFrom(b, contactsDocument.url)).toBe('unavailable')
  })

  it('stops syncing a document with a member once removed, both ways', async () => {
    const { a, b } = await linked('contact')
    const note = await call(a, 'notes.create', { title: 'Plan' })
    a.sync.members.add(note.id, b.sync.identity.deviceId, 'editor')
    b.sync.members.add(note.id, a.sync.identity.deviceId, 'owner')
    const onB = await b.repo.find<{ title: string }>(note.url as AutomergeUrl)
    const onA = await a.repo.find<{ title: string }>(note.url as AutomergeUrl)
    onB.change((doc) => void (doc.title = 'Plan, edited by B'))
    await eventually(() => onA.doc().title === 'Plan, edited by B')

    a.sync.members.remove(note.id, b.sync.identity.deviceId)
    await new Promise((resolve) => setTimeout(resolve, 200))
    onA.change((doc) => void (doc.title = 'Plan, A only'))
    onB.change((doc) => void (doc.title = 'Plan, B after removal'))
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(onA.doc().title).toBe('Plan, A only')
    expect(onB.doc().title).toBe('Plan, B after removal')
  })

  it('serves its own UIs everything, and a peer on an adapter no shell vouched for nothing', async () => {
    const a = await cluster.open('a')
    const note = await call(a, 'notes.create', { title: 'For my eyes' })
    const ui = connectRenderer(a)
    try {
      expect((await ui.repo.find<{ title: string }>(note.url as AutomergeUrl)).doc().title).toBe('For my eyes')
    } finally {
      await ui.close()
    }
    // Same wiring, but added straight to the network (as a relay or any other adapter would be).
    const { port1, port2 } = new MessageChannel()
    a.repo.networkSubsystem.addNetworkAdapter(new MessageChannelNetworkAdapter(port1 as never))
    const stranger = new Repo({ network: [new MessageChannelNetworkAdapter(port2 as never)] })
    try {
      await expect(stranger.find(note.url as AutomergeUrl)).rejects.toThrow(/unavailable/)
    } finally {
      await stranger.shutdown()
      port1.close()
    }
  })

  it('gives an own device everything, including the workspace', async () => {
    const { a, b } = await linked('own')
    const note = await call(a, 'notes.create', { title: 'Mine everywhere' })
    expect(await fetchFrom(b, a.workspaceUrl)).toMatchObject({ notes: expect.any(Object) })
    expect(await fetchFrom(b, note.url)).toMatchObject({ title: 'Mine everywhere' })
  })
})
