// Run in a child process (inside a network namespace) by the LAN discovery tests: one device with
// a sync listener on the namespace's address and mDNS discovery bound to its interface. Every
// event is one JSON line on stdout. Exits after `runMs`, or when stdin closes.
import { readFileSync } from 'node:fs'
import { Repo, type AutomergeUrl } from '@automerge/automerge-repo'
import { createCore } from '../createCore'
import { openDatabase } from '../storage/openDatabase'
import { peerIdOfDevice } from './deviceId'
import type { DeviceIdentity } from './DeviceIdentityStore'
import { LanDiscovery } from './LanDiscovery'
import { SyncService } from './SyncService'
import { TrustedDevices } from './TrustedDevices'

export type LanDeviceConfig = ServiceConfig | CoreConfig

/** A whole core on a profile made (and paired) beforehand, started with `lanDiscovery`. */
interface CoreConfig {
  mode: 'core'
  dataDir: string
  address: string
  runMs: number
  /** A document to fetch once linked; its title is reported. */
  find?: string
}

/** A bare SyncService and LanDiscovery; `advertiseAs` lets it claim another device's id. */
interface ServiceConfig {
  mode: 'service'
  identity: DeviceIdentity
  /** The id put in the TXT record: the device's own, or another's (a spoofer). */
  advertiseAs: string
  pins: Array<{ certificatePem: string; name: string }>
  dataDir: string
  /** The namespace's address: the sync listener and the mDNS interface. */
  address: string
  runMs: number
}

const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LanDeviceConfig
const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`)
if (config.mode === 'core') await runCore(config)
else await runService(config)

async function runCore(config: CoreConfig): Promise<void> {
  const core = await createCore({ dataDir: config.dataDir })
  const { port } = await core.sync.start({
    host: config.address,
    lanDiscovery: { mdns: { interface: config.address, bind: '0.0.0.0' }, queryIntervalMs: 500, maxQueries: 30, addresses: () => [config.address] },
  })
  say({ event: 'ready', port })
  const trusted = core.sync.trusted
  const linked = new Set<string>()
  const poll = setInterval(() => {
    for (const device of trusted.activeList()) {
      if (linked.has(device.deviceId) || !core.sync.service.isConnected(device.deviceId)) continue
      linked.add(device.deviceId)
      say({ event: 'linked', deviceId: device.deviceId, addresses: trusted.get(device.deviceId)!.addresses })
      if (config.find) void fetch(config.find)
    }
  }, 50)
  // Both sides may dial at once and one link replaces the other (the tie-break); a request sent
  // on the losing link comes back unavailable, so ask again a few times.
  async function fetch(url: string): Promise<void> {
    let lastError = ''
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        const handle = await core.repo.find<{ title?: string }>(url as AutomergeUrl)
        say({ event: 'found', title: handle.doc().title })
        return
      } catch (error) {
        lastError = String(error)
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
    }
    say({ event: 'not-found', message: lastError })
  }
  const stop = async () => {
    clearInterval(poll)
    say({ event: 'stopping', addresses: Object.fromEntries(trusted.list().map((d) => [d.deviceId, d.addresses])) })
    await core.shutdown()
    process.exit(0)
  }
  setTimeout(() => void stop(), config.runMs)
  process.stdin.resume()
  process.stdin.on('end', () => void stop())
}

async function runService(config: ServiceConfig): Promise<void> {
  const db = openDatabase({ dataDir: config.dataDir })
  const trusted = new TrustedDevices(db)
  for (const pin of config.pins) trusted.pin({ ...pin, relation: 'own' })
  const repo = new Repo({ network: [], peerId: peerIdOfDevice(config.identity.deviceId), sharePolicy: async () => true })
  const sync = new SyncService({ repo, identity: config.identity, trusted, backoff: { initialMs: 200, maxMs: 1_000, stableMs: 2_000 }, keepAliveMs: 5_000 })
  const port = await sync.listen({ host: config.address })
  const discovery = new LanDiscovery({
    deviceId: config.advertiseAs,
    syncPort: () => port,
    addresses: () => [config.address],
    mdns: { interface: config.address, bind: '0.0.0.0' },
    queryIntervalMs: 500,
    maxQueries: 30,
    onAnswer: ({ deviceId, address }) => {
      say({ event: 'answer', deviceId, address })
      if (!trusted.active(deviceId)) return
      void sync.hint(deviceId, address).then((result) => say({ event: 'hint', deviceId, address, result }))
    },
  })
  await discovery.start()
  say({ event: 'ready', port })

  const linked = new Set<string>()
  const poll = setInterval(() => {
    for (const device of trusted.activeList()) {
      if (!linked.has(device.deviceId) && sync.isConnected(device.deviceId)) {
        linked.add(device.deviceId)
        say({ event: 'linked', deviceId: device.deviceId, addresses: trusted.get(device.deviceId)!.addresses })
      }
    }
  }, 50)

  let stopping = false
  async function stop(): Promise<void> {
    if (stopping) return
    stopping = true
    clearInterval(poll)
    say({ event: 'stopping', addresses: Object.fromEntries(trusted.list().map((d) => [d.deviceId, d.addresses])) })
    await discovery.stop()
    await sync.stop()
    await repo.shutdown()
    db.close()
    process.exit(0)
  }
  setTimeout(() => void stop(), config.runMs)
  process.stdin.resume()
  process.stdin.on('end', () => void stop())
}
