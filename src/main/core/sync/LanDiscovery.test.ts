import { execFileSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../Core'
import { createCore } from '../createCore'
import { call } from '../testing/coreHarness'
import { makeTempDir } from '../testing/tempDir'
import { childBundleDir, runTypeScriptInChild, waitForExit } from '../testing/runTypeScriptInChild'
import { createDeviceCertificate } from './createDeviceCertificate'
import { deviceIdOfCertificate } from './deviceId'
import type { DeviceIdentity } from './DeviceIdentityStore'
import type { LanDeviceConfig } from './lanDevice.fixture'
import { makeTestPeers } from './syncTestPeers'

async function eventually(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not in ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('SyncService.hint: an untrusted address for a pinned device', () => {
  let peers: ReturnType<typeof makeTestPeers>
  beforeEach(() => {
    peers = makeTestPeers()
  })
  afterEach(async () => {
    await peers.close()
  })

  it('dials a hinted address, links, and only then remembers it', async () => {
    const a = await peers.peer('A')
    const b = await peers.peer('B')
    const port = await a.sync.listen({ host: '127.0.0.1' })
    peers.pair(a, b)
    expect(b.trusted.get(a.identity.deviceId)!.addresses).toEqual([])
    expect(await b.sync.hint(a.identity.deviceId, `127.0.0.1:${port}`)).toBe('linked')
    await eventually(() => a.sync.isConnected(b.identity.deviceId) && b.sync.isConnected(a.identity.deviceId), 5_000, 'linked')
    expect(b.trusted.get(a.identity.deviceId)!.addresses).toEqual([`127.0.0.1:${port}`])
    // Already linked: a further hint does nothing.
    expect(await b.sync.hint(a.identity.deviceId, `127.0.0.1:${port}`)).toBe('skipped')
  })

  it('ignores hints for devices that are not pinned, and garbled addresses', async () => {
    const a = await peers.peer('A')
    const b = await peers.peer('B')
    const port = await a.sync.listen({ host: '127.0.0.1' })
    expect(await b.sync.hint(a.identity.deviceId, `127.0.0.1:${port}`)).toBe('skipped')
    peers.pair(a, b)
    for (const address of ['127.0.0.1', '127.0.0.1:0', '127.0.0.1:99999', ':80', 'x'.repeat(400) + ':1']) expect(await b.sync.hint(a.identity.deviceId, address)).toBe('skipped')
    expect(b.sync.status().connections).toEqual([])
    expect(a.sync.status().refusedHandshakes).toBe(0)
  })

  it('refuses a hinted address served by another certificate, remembers nothing, and backs off before trying it again', async () => {
    const a = await peers.peer('A')
    const b = await peers.peer('B')
    const impostor = await peers.peer('Impostor')
    peers.pair(a, b)
    impostor.trusted.pin({ certificatePem: b.identity.certificatePem, name: 'B', relation: 'own' })
    const impostorPort = await impostor.sync.listen({ host: '127.0.0.1' })
    let dials = 0
    impostor.sync['listener']!['server'].on('connection', () => dials++)
    expect(await b.sync.hint(a.identity.deviceId, `127.0.0.1:${impostorPort}`)).toBe('failed')
    // Within the backoff (50–100 ms here) the same false answer does not make B dial again.
    expect(await b.sync.hint(a.identity.deviceId, `127.0.0.1:${impostorPort}`)).toBe('skipped')
    expect(b.sync.status().connections).toEqual([])
    expect(impostor.sync.status().connections).toEqual([])
    expect(b.trusted.get(a.identity.deviceId)!.addresses).toEqual([])
    expect(dials).toBe(1)
  })
})

/** Why the namespace tests cannot run here, or undefined if they can. */
function netnsUnavailable(): string | undefined {
  if (process.platform !== 'linux') return 'not Linux'
  if (process.getuid?.() !== 0) return 'not root'
  const probe = `sr-probe-${process.pid}`
  try {
    execFileSync('ip', ['netns', 'add', probe], { stdio: 'pipe' })
    execFileSync('ip', ['netns', 'del', probe], { stdio: 'pipe' })
    return undefined
  } catch (error) {
    return `ip netns failed: ${String((error as Error).message).split('\n')[0]}`
  }
}

const unavailable = netnsUnavailable()
const fixture = fileURLToPath(new URL('./lanDevice.fixture.ts', import.meta.url))

interface Device {
  events: Array<Record<string, unknown>>
  child: ChildProcessWithoutNullStreams
}

/**
 * Two network namespaces joined by a veth pair (10.231.<n>.1 and .2, each with a default route on
 * its end, so multicast to 224.0.0.251 goes over the pair and nowhere else). Each device is a
 * child process started with `ip netns exec`; nothing here touches the machine's own interfaces.
 */
describe.skipIf(unavailable !== undefined)(`mDNS discovery between two network namespaces${unavailable ? ` (skipped: ${unavailable}; needs root and ip netns)` : ''}`, () => {
  const tag = `${process.pid % 100_000}`
  const ns = { a: `sr-mdns-${tag}-a`, b: `sr-mdns-${tag}-b` }
  const subnet = `10.231.${process.pid % 250}`
  const address = { a: `${subnet}.1`, b: `${subnet}.2` }
  let temp: ReturnType<typeof makeTempDir>
  const children: ChildProcessWithoutNullStreams[] = []
  const bundleDirs: string[] = []
  const identities: Record<'a' | 'b' | 'spoofer', DeviceIdentity> = {} as never

  const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' })
  const removeNamespaces = () => {
    for (const name of Object.values(ns)) {
      try {
        ip('netns', 'del', name)
      } catch {
        // Not there (setup failed before it, or already removed).
      }
    }
  }

  beforeAll(async () => {
    temp = makeTempDir('staffroom-mdns-')
    removeNamespaces()
    ip('netns', 'add', ns.a)
    ip('netns', 'add', ns.b)
    ip('link', 'add', `sr${tag}a`, 'type', 'veth', 'peer', 'name', `sr${tag}b`)
    for (const side of ['a', 'b'] as const) {
      const dev = `sr${tag}${side}`
      ip('link', 'set', dev, 'netns', ns[side])
      ip('-n', ns[side], 'addr', 'add', `${address[side]}/24`, 'dev', dev)
      ip('-n', ns[side], 'link', 'set', 'lo', 'up')
      ip('-n', ns[side], 'link', 'set', dev, 'up')
      ip('-n', ns[side], 'route', 'add', 'default', 'dev', dev)
    }
    for (const name of ['a', 'b', 'spoofer'] as const) {
      const { certificatePem, privateKeyPem } = await createDeviceCertificate(`mdns ${name}`)
      identities[name] = { deviceId: deviceIdOfCertificate(certificatePem), certificatePem, privateKeyPem }
    }
  }, 30_000)

  afterAll(async () => {
    for (const child of children.splice(0)) {
      child.stdin.end()
      if (child.exitCode === null) child.kill('SIGKILL')
    }
    removeNamespaces()
    temp?.remove()
    for (const dir of bundleDirs) rmSync(dir, { recursive: true, force: true })
  })

  type StartConfig = { mode: 'service'; identity: DeviceIdentity; advertiseAs: string; pins: Array<{ certificatePem: string; name: string }> } | { mode: 'core'; dataDir: string; find?: string }

  async function start(name: string, side: 'a' | 'b', config: StartConfig): Promise<Device> {
    const dir = childBundleDir(`mdns-${name}`)
    bundleDirs.push(dir)
    const configFile = join(temp.dir, `${name}.json`)
    writeFileSync(configFile, JSON.stringify({ dataDir: join(temp.dir, name), ...config, address: address[side], runMs: 20_000 } satisfies LanDeviceConfig))
    const child = await runTypeScriptInChild(fixture, dir, [configFile], { prefix: ['ip', 'netns', 'exec', ns[side]], externalPackages: ['@automerge/'] })
    children.push(child)
    const events: Device['events'] = []
    let buffered = ''
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
        events.push(JSON.parse(buffered.slice(0, end)) as Record<string, unknown>)
        buffered = buffered.slice(end + 1)
      }
    })
    child.on('exit', (code) => events.push({ event: 'exit', code, stderr }))
    await eventually(() => events.some((e) => e.event === 'ready' || e.event === 'exit'), 15_000, `${name} ready`)
    expect(events.find((e) => e.event === 'exit'), stderr).toBeUndefined()
    return { events, child }
  }

  async function finish(device: Device): Promise<void> {
    device.child.stdin.end()
    await waitForExit(device.child)
  }

  it('two paired devices find each other by mDNS and link; each remembers the other’s address', async () => {
    const { a: idA, b: idB } = identities
    const a = await start('a', 'a', { mode: 'service', identity: idA, advertiseAs: idA.deviceId, pins: [{ certificatePem: idB.certificatePem, name: 'B' }] })
    const b = await start('b', 'b', { mode: 'service', identity: idB, advertiseAs: idB.deviceId, pins: [{ certificatePem: idA.certificatePem, name: 'A' }] })
    await eventually(() => [a, b].every((d) => d.events.some((e) => e.event === 'linked')), 15_000, 'both linked')
    const portOf = (d: Device) => d.events.find((e) => e.event === 'ready')!.port as number
    expect(b.events).toContainEqual(expect.objectContaining({ event: 'answer', deviceId: idA.deviceId, address: `${address.a}:${portOf(a)}` }))
    expect(a.events).toContainEqual(expect.objectContaining({ event: 'answer', deviceId: idB.deviceId, address: `${address.b}:${portOf(b)}` }))
    await Promise.all([finish(a), finish(b)])
    const remembered = (d: Device) => d.events.find((e) => e.event === 'stopping')!.addresses as Record<string, string[]>
    // Whichever side's dial won the tie-break, the side that linked by a hint remembers the address.
    const aKnows = remembered(a)[idB.deviceId]!
    const bKnows = remembered(b)[idA.deviceId]!
    expect([...aKnows, ...bKnows].length).toBeGreaterThan(0)
    for (const known of aKnows) expect(known).toBe(`${address.b}:${portOf(b)}`)
    for (const known of bKnows) expect(known).toBe(`${address.a}:${portOf(a)}`)
  }, 40_000)

  it('an answer claiming a paired device’s id but served by another certificate links nothing', async () => {
    const { a: idA, b: idB, spoofer: idS } = identities
    // The spoofer sits where A would be and advertises A's id; it even pins B, so only B's check stands in the way.
    const spoofer = await start('spoofer', 'a', { mode: 'service', identity: idS, advertiseAs: idA.deviceId, pins: [{ certificatePem: idB.certificatePem, name: 'B' }] })
    const b = await start('b2', 'b', { mode: 'service', identity: idB, advertiseAs: idB.deviceId, pins: [{ certificatePem: idA.certificatePem, name: 'A' }] })
    await eventually(() => b.events.some((e) => e.event === 'hint'), 15_000, 'B dialled the hinted address')
    // Give it time for more answers and redials: none may link.
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    const port = spoofer.events.find((e) => e.event === 'ready')!.port as number
    expect(b.events).toContainEqual(expect.objectContaining({ event: 'answer', deviceId: idA.deviceId, address: `${address.a}:${port}` }))
    const hints = b.events.filter((e) => e.event === 'hint')
    const dials = hints.filter((e) => e.result !== 'skipped')
    expect(dials.length).toBeGreaterThanOrEqual(1)
    expect(dials.every((e) => e.result === 'failed')).toBe(true)
    // Backoff: the stream of answers (every 500 ms and more) leads to a few dials, not one per answer.
    expect(dials.length).toBeLessThan(hints.length)
    expect(dials.length).toBeLessThanOrEqual(8)
    expect([...b.events, ...spoofer.events].filter((e) => e.event === 'linked')).toEqual([])
    await Promise.all([finish(spoofer), finish(b)])
    expect((b.events.find((e) => e.event === 'stopping')!.addresses as Record<string, string[]>)[idA.deviceId]).toEqual([])
  }, 40_000)

  it('two paired cores started with lanDiscovery find each other and sync a note', async () => {
    // Profiles made and paired here (no network), then opened by cores inside the namespaces.
    const made: Core[] = []
    for (const name of ['core-a', 'core-b']) made.push(await createCore({ dataDir: join(temp.dir, name), deviceName: name }))
    const [coreA, coreB] = made as [Core, Core]
    coreA.sync.trusted.pin({ certificatePem: coreB.sync.identity.certificatePem, name: 'B', relation: 'own' })
    coreB.sync.trusted.pin({ certificatePem: coreA.sync.identity.certificatePem, name: 'A', relation: 'own' })
    const note = await call(coreA, 'notes.create', { title: 'Found on the LAN' })
    for (const core of made) await core.shutdown()

    const a = await start('core-a', 'a', { mode: 'core', dataDir: join(temp.dir, 'core-a') })
    const b = await start('core-b', 'b', { mode: 'core', dataDir: join(temp.dir, 'core-b'), find: note.url })
    await eventually(() => b.events.some((e) => e.event === 'found' || e.event === 'not-found'), 20_000, 'B fetched the note')
    expect(b.events).toContainEqual({ event: 'found', title: 'Found on the LAN' })
    expect(a.events.some((e) => e.event === 'linked')).toBe(true)
    await Promise.all([finish(a), finish(b)])
  }, 45_000)
})
