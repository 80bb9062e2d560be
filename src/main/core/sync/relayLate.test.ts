import { join } from 'node:path'
import type { AutomergeUrl } from '@automerge/automerge-repo'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../Core'
import { createCore } from '../createCore'
import { call } from '../testing/coreHarness'
import { eventually } from '../testing/eventually'
import { makeTempDir } from '../testing/tempDir'
import { startRelayTestServer, type RelayTestServer } from './relayTestServer'

describe('relay: an invitee that asked before the inviter uploaded', () => {
  let temp: ReturnType<typeof makeTempDir>
  const cores: Core[] = []
  const relays: RelayTestServer[] = []
  beforeEach(() => {
    temp = makeTempDir('staffroom-relay-late-')
  })
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.shutdown()
    for (const relay of relays.splice(0)) await relay.stop()
    temp.remove()
  })

  it('asks the relay again for marked documents it does not have when the relay link comes up', async () => {
    const relay = await startRelayTestServer(temp.dir)
    relays.push(relay)
    const a = await createCore({ dataDir: join(temp.dir, 'a') })
    const b = await createCore({ dataDir: join(temp.dir, 'b') })
    cores.push(a, b)
    a.sync.trusted.pin({ certificatePem: b.sync.identity.certificatePem, name: 'B', relation: 'contact' })
    b.sync.trusted.pin({ certificatePem: a.sync.identity.certificatePem, name: 'A', relation: 'contact' })
    const shared = await call(a, 'notes.create', { title: 'Late upload' })
    a.sync.members.add(shared.id, b.sync.identity.deviceId, 'editor')
    b.sync.members.add(shared.id, a.sync.identity.deviceId, 'owner')
    a.sync.relay.mark(shared.id)
    b.sync.relay.mark(shared.id)

    // B reaches the relay first and asks for the note: the relay does not have it yet.
    b.sync.relay.connect(relay.url)
    await eventually(() => b.sync.relay.status().state === 'connected')
    await expect(b.repo.find(shared.url as AutomergeUrl)).rejects.toThrow(/unavailable/)

    // A uploads it. B's link drops and comes back (sleep, a network change): the Repo syncs the handle it holds.
    a.sync.relay.connect(relay.url)
    await eventually(() => relay.storedDocument<{ title: string }>(shared.id)?.title === 'Late upload')
    b.sync.relay.disconnect()
    b.sync.relay.connect()
    await eventually(() => b.repo.handles[shared.id as never]?.isReady() === true, 8_000)

    // A device that never loaded the note (B reinstalled, a fresh profile) holds no handle and
    // nothing asks for it: the relay link coming up does.
    const onA = await a.repo.find<{ title: string }>(shared.url as AutomergeUrl)
    onA.change((doc) => void (doc.title = 'Late upload, edited while B was off'))
    await eventually(() => relay.storedDocument<{ title: string }>(shared.id)?.title === 'Late upload, edited while B was off')
    await b.shutdown()
    cores.splice(cores.indexOf(b), 1)
    const fresh = await createCore({ dataDir: join(temp.dir, 'b2') })
    cores.push(fresh)
    fresh.sync.trusted.pin({ certificatePem: a.sync.identity.certificatePem, name: 'A', relation: 'contact' })
    fresh.sync.members.add(shared.id, a.sync.identity.deviceId, 'owner')
    fresh.sync.relay.mark(shared.id)
    fresh.sync.relay.connect(relay.url)
    await eventually(() => fresh.repo.handles[shared.id as never]?.isReady() === true, 8_000)
    const onB = await fresh.repo.find<{ title: string }>(shared.url as AutomergeUrl)
    expect(onB.doc().title).toBe('Late upload, edited while B was off')
  }, 30_000)
})
