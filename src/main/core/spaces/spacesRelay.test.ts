import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Core } from '../Core'
import { createCore } from '../createCore'
import { startRelayTestServer, type RelayTestServer } from '../sync/relayTestServer'
import { call } from '../testing/coreHarness'
import { eventually } from '../testing/eventually'
import { makeTempDir } from '../testing/tempDir'

let temp: ReturnType<typeof makeTempDir>
const cores: Core[] = []
const relays: RelayTestServer[] = []
beforeEach(() => {
  temp = makeTempDir('staffroom-spaces-relay-')
})
afterEach(async () => {
  for (const core of cores.splice(0)) await core.shutdown()
  for (const relay of relays.splice(0)) await relay.stop()
  temp.remove()
})

it('a shared project goes through the relay only when marked, and only once it has another member', async () => {
  const relay = await startRelayTestServer(temp.dir)
  relays.push(relay)
  const a = await createCore({ dataDir: join(temp.dir, 'a') })
  const b = await createCore({ dataDir: join(temp.dir, 'b') })
  cores.push(a, b)
  const { project } = await call(a, 'projects.create', { title: 'Relayed unit', template: 'unit-plan' })
  await call(a, 'projects.create', { title: 'Private draft' })

  expect(await a.dispatch('spaces.setRelayed', { spaceId: project.id, relayed: true })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/No relay is set/) } })
  await call(a, 'sync.setRelay', { url: relay.url })
  expect(await a.dispatch('spaces.setRelayed', { spaceId: project.id, relayed: true })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Nobody else is in this space/) } })
  expect(await a.dispatch('spaces.setRelayed', { spaceId: 'nope', relayed: true })).toMatchObject({ ok: false, error: { code: 'not-found' } })

  a.sync.trusted.pin({ certificatePem: b.sync.identity.certificatePem, name: 'B', relation: 'contact' })
  await call(a, 'spaces.setMember', { spaceId: project.id, deviceId: b.sync.identity.deviceId, role: 'editor' })
  expect(await call(a, 'spaces.setRelayed', { spaceId: project.id, relayed: true })).toEqual({ relayed: true })
  expect((await call(a, 'spaces.list', {})).spaces.find((s) => s.id === project.id)?.relayed).toBe(true)
  await eventually(() => relay.storedDocument<{ kind: string }>(project.id)?.kind === 'project')
  expect(relay.storedDocumentIds()).toEqual([project.id])
  expect(await call(a, 'spaces.setRelayed', { spaceId: project.id, relayed: false })).toEqual({ relayed: false })
}, 30_000)
