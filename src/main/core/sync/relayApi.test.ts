import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../Core'
import { createCore } from '../createCore'
import { call } from '../testing/coreHarness'
import { eventually } from '../testing/eventually'
import { makeTempDir } from '../testing/tempDir'
import { startRelayTestServer, type RelayTestServer } from './relayTestServer'

describe('the relay through dispatch: sync.setRelay and sync.setNoteRelayed', () => {
  let temp: ReturnType<typeof makeTempDir>
  const cores: Core[] = []
  const relays: RelayTestServer[] = []
  beforeEach(() => {
    temp = makeTempDir('staffroom-relay-api-')
  })
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.shutdown()
    for (const relay of relays.splice(0)) await relay.stop()
    temp.remove()
  })

  it('sets, checks and forgets the relay; marks only a shared note, with clear errors otherwise', async () => {
    const relay = await startRelayTestServer(temp.dir)
    relays.push(relay)
    const a = await createCore({ dataDir: join(temp.dir, 'a') })
    const b = await createCore({ dataDir: join(temp.dir, 'b') })
    cores.push(a, b)
    const note = await call(a, 'notes.create', { title: 'Fractions unit' })
    const bId = b.sync.identity.deviceId
    a.sync.trusted.pin({ certificatePem: b.sync.identity.certificatePem, name: 'B', relation: 'contact' })

    expect(await a.dispatch('sync.setRelay', { url: 'https://relay.example.org' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/starts with wss:\/\//) } })
    expect(await a.dispatch('sync.setRelay', { url: 'not a url' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/not a relay address/) } })
    expect(await a.dispatch('sync.setRelay', { url: `wss://${'a'.repeat(600)}.org` })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/too long/i) } })
    expect(await a.dispatch('sync.setRelay', { url: '  ' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await a.dispatch('sync.setNoteRelayed', { noteId: note.id, relayed: true })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/No relay is set/) } })

    const set = await call(a, 'sync.setRelay', { url: ` ${relay.url} ` })
    expect(set.relay).toMatchObject({ url: relay.url, relayed: 0 })
    await eventually(async () => (await call(a, 'sync.status', {})).relay.state === 'connected')

    expect(await a.dispatch('sync.setNoteRelayed', { noteId: note.id, relayed: true })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/shared with nobody/) } })
    expect(await a.dispatch('sync.setNoteRelayed', { noteId: 'missing-note', relayed: true })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await call(a, 'sync.noteMembers', { noteId: note.id })).toEqual({ members: [], relayed: false })

    await call(a, 'sync.setNoteMember', { noteId: note.id, deviceId: bId, role: 'editor' })
    expect(await call(a, 'sync.setNoteRelayed', { noteId: note.id, relayed: true })).toEqual({ relayed: true })
    expect(await call(a, 'sync.noteMembers', { noteId: note.id })).toEqual({ members: [{ deviceId: bId, role: 'editor' }], relayed: true })
    expect((await call(a, 'sync.status', {})).relay.relayed).toBe(1)
    await eventually(() => relay.storedDocument<{ title: string }>(note.id)?.title === 'Fractions unit')
    expect(relay.storedDocumentIds()).toEqual([note.id])

    expect(await call(a, 'sync.setNoteRelayed', { noteId: note.id, relayed: false })).toEqual({ relayed: false })
    expect((await call(a, 'sync.noteMembers', { noteId: note.id })).relayed).toBe(false)

    const forgotten = await call(a, 'sync.setRelay', { url: null })
    expect(forgotten.relay).toMatchObject({ url: null, state: 'offline' })
    expect((await call(a, 'sync.status', {})).relay).toMatchObject({ url: null, state: 'offline' })
  }, 30_000)
})
