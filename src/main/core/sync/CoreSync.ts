import type { Repo } from '@automerge/automerge-repo'
import type { Database } from 'better-sqlite3'
import type { DeviceIdentity } from './DeviceIdentityStore'
import { DocumentMembers } from './DocumentMembers'
import { InviteStore } from './InviteStore'
import { LanDiscovery, type LanDiscoveryOptions } from './LanDiscovery'
import { Pairing } from './Pairing'
import { Relay } from './Relay'
import { RelayedDocuments } from './RelayedDocuments'
import { SyncAccess } from './SyncAccess'
import { ShareLists, type SharedDocument } from './ShareLists'
import { SyncService } from './SyncService'
import { TrustedDevices } from './TrustedDevices'

/** The core's sync parts, built once per profile: who this device is, whom it trusts, what it shares. */
export interface CoreSync {
  identity: DeviceIdentity
  trusted: TrustedDevices
  members: DocumentMembers
  relayed: RelayedDocuments
  access: SyncAccess
  service: SyncService
  pairing: Pairing
  /** The profile's relay: `connect(url)`, `status()`, and which shared documents go there (`mark`, `unmark`). */
  relay: Relay
  /** Per paired colleague, the shared list of what each side shares with the other. */
  shareLists: ShareLists
  /** How this device introduces itself to others (in invites and pairing answers). */
  deviceName: string
  /**
   * Opens the sync port and the pairing door, starts dialing paired devices, and connects to the
   * profile's relay if one is set. `lanDiscovery` (off unless asked) advertises the sync port by
   * mDNS and passes answers naming a paired device to `service.hint`; `true` uses the interfaces
   * the OS gives, an object tunes it (tests bind it to one interface).
   */
  start(options?: { host?: string; port?: number; pairingPort?: number; lanDiscovery?: boolean | LanDiscoveryTuning }): Promise<{ port: number; pairingPort: number }>
  stop(): Promise<void>
}

export type LanDiscoveryTuning = Pick<LanDiscoveryOptions, 'mdns' | 'queryIntervalMs' | 'maxQueries' | 'addresses'>

type TrustStores = Pick<CoreSync, 'trusted' | 'members' | 'relayed' | 'access'>

export function trustStores(db: Database): TrustStores {
  const trusted = new TrustedDevices(db)
  const members = new DocumentMembers(db)
  const relayed = new RelayedDocuments(db, members)
  return { trusted, members, relayed, access: new SyncAccess(trusted, members, relayed) }
}

/** Starts the service on the Repo and makes automerge-repo re-ask access whenever trust or membership changes. */
export function createCoreSync(
  repo: Repo,
  db: Database,
  identity: DeviceIdentity,
  stores: TrustStores,
  describe: { deviceName: string; workspaceUrl: () => string; onSharedWithMe: (shares: SharedDocument[]) => void },
): CoreSync {
  const reevaluate = () => repo.shareConfigChanged()
  stores.trusted.onChange(reevaluate)
  stores.members.onChange(reevaluate)
  stores.relayed.onChange(reevaluate)
  const service = new SyncService({ repo, identity, trusted: stores.trusted })
  const pairing = new Pairing({ identity, ...stores, service }, new InviteStore(db), {
    deviceName: () => describe.deviceName,
    workspaceUrl: describe.workspaceUrl,
    urlOf: (documentId) => `automerge:${documentId}`,
  })
  const relay = new Relay(repo, stores.access, stores.relayed, (documentId) => describe.workspaceUrl() === `automerge:${documentId}`)
  pairing.useRelay(relay)
  const shareLists = new ShareLists(db, repo, identity.deviceId, stores.trusted, stores.members, describe.onSharedWithMe)
  pairing.useShareLists(shareLists)
  let discovery: LanDiscovery | undefined
  return {
    identity,
    ...stores,
    service,
    pairing,
    relay,
    shareLists,
    deviceName: describe.deviceName,
    async start({ host = '0.0.0.0', port = 0, pairingPort = 0, lanDiscovery = false } = {}) {
      const listening = await service.listen({ host, port })
      const door = await pairing.listen({ host, port: pairingPort })
      service.startDialing()
      if (stores.relayed.relayUrl() !== undefined) relay.connect()
      if (lanDiscovery) {
        discovery = new LanDiscovery({
          ...(lanDiscovery === true ? {} : lanDiscovery),
          deviceId: identity.deviceId,
          syncPort: () => listening,
          // An answer is a hint: only a paired device's id is dialled, and its certificate decides.
          onAnswer: ({ deviceId, address }) => {
            if (stores.trusted.active(deviceId)) void service.hint(deviceId, address)
          },
        })
        try {
          await discovery.start()
        } catch {
          // No multicast here (no network, port 5353 refused): sync still works by address and relay.
          discovery = undefined
        }
      }
      return { port: listening, pairingPort: door }
    },
    async stop() {
      await discovery?.stop()
      discovery = undefined
      relay.disconnect()
      await pairing.close()
      await service.stop()
    },
  }
}
