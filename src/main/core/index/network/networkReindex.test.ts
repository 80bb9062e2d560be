import { join } from 'node:path'
import * as A from '@automerge/automerge'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CollectionDoc } from '@shared/network/CollectionDoc'
import { generateNetwork } from '@shared/network/generateNetwork'
import type { Core } from '../../Core'
import { openCore, type CoreInternals } from '../../createCore'
import { asUrl, call, connectRenderer } from '../../testing/coreHarness'
import { networkSnapshot } from '../../testing/networkSnapshot'
import { makeTempDir } from '../../testing/tempDir'
import { workspaceCollections } from '../../workspace/workspaceCollections'

describe('network reindex', () => {
  let temp: ReturnType<typeof makeTempDir>
  let dataDir: string
  const open: Core[] = []
  const start = async (): Promise<{ core: Core; internals: CoreInternals }> => {
    const opened = await openCore({ dataDir })
    open.push(opened.core)
    return opened
  }
  beforeEach(() => {
    temp = makeTempDir()
    dataDir = join(temp.dir, 'profile')
  })
  afterEach(async () => {
    for (const core of open.splice(0)) await core.shutdown()
    temp.remove()
  })

  it('gives exactly the rows live indexing gave, after RPC edits, bulk loads, deletes, settings and a remote edit', async () => {
    const { core, internals } = await start()
    const network = generateNetwork({ seed: 3, contacts: 120, interactions: 900 })
    const { store } = internals.ctx.network
    await store.createMany('contact', network.contacts)
    await store.createMany('community', network.communities)
    await store.createMany('event', network.events)
    await store.createMany('interaction', network.interactions)
    await store.createMany('goal', network.goals)
    await store.createMany('journal', network.journal)
    const made = (await call(core, 'contacts.create', { fields: { name: 'Made by RPC', tags: ['Mentor'] } })).contact
    await call(core, 'interactions.log', { fields: { date: '2026-06-01', contactIds: [made.id, network.contacts[0]!.id], mode: 'in-person' } })
    await call(core, 'keepingInTouch.setTagCadence', { tag: 'mentor', days: 21 })
    await call(core, 'keepingInTouch.setDefaultCadence', { days: 120 })
    await call(core, 'contacts.bulkDelete', { ids: network.contacts.slice(5, 10).map((c) => c.id) })
    await call(core, 'interactions.delete', { id: network.interactions[0]!.id })

    // The renderer renames a contact in its own Repo; the change reaches the core as a remote change.
    const renderer = connectRenderer(core)
    const target = network.contacts[1]!
    const entry = [...workspaceCollections(internals.ctx.workspace).values()].find(
      (e) => e.kind === 'contact' && internals.ctx.repo.handles[e.documentId as never]?.doc()?.records?.[target.id],
    )!
    const remote = await renderer.repo.find<CollectionDoc<'contact'>>(asUrl(entry.url))
    remote.change((doc) => {
      doc.records[target.id]!.name = 'Renamed Remotely'
    })
    await vi.waitFor(async () => expect((await call(core, 'contacts.list', { query: 'remotely' })).total).toBe(1), { timeout: 5000 })

    internals.ctx.network.indexer.flushPending()
    const live = networkSnapshot(internals.db)
    expect(live.contacts).toHaveLength(121)
    expect(live.interactions).toHaveLength(901)
    expect(live.tagCadences).toEqual([{ tag: 'mentor', days: 21 }])

    await core.reindex()
    expect(networkSnapshot(internals.db)).toEqual(live)

    await renderer.close()
    await core.shutdown()
    const again = await start()
    expect(networkSnapshot(again.internals.db)).toEqual(live)
    await again.core.reindex()
    expect(networkSnapshot(again.internals.db)).toEqual(live)
    expect(A.getHeads(remote.doc()).length).toBeGreaterThan(0)
  }, 60_000)
})
