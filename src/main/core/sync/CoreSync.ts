import type { Repo } from '@automerge/automerge-repo'
import type { Database } from 'better-sqlite3'
import type { DeviceIdentity } from './DeviceIdentityStore'
import { DocumentMembers } from './DocumentMembers'
import { InviteStore } from './InviteStore'
import { Pairing } from './Pairing'
import { SyncAccess } from './SyncAccess'
import { SyncService } from './SyncService'
import { TrustedDevices } from './TrustedDevices'

/** The core's sync parts, built once per profile: who this device is, whom it trusts, what it shares. */
export interface CoreSync {
  identity: DeviceIdentity
  trusted: TrustedDevices
  members: DocumentMembers
  access: SyncAccess
  service: SyncService
  pairing: Pairing
  /** Opens the sync port and the pairing door and starts dialing paired devices. */
  start(options?: { host?: string; port?: number; pairingPort?: number }): Promise<{ port: number; pairingPort: number }>
  stop(): Promise<void>
}

export function trustStores(db: Database): Pick<CoreSync, 'trusted' | 'members' | 'access'> {
  const trusted = new TrustedDevices(db)
  const members = new DocumentMembers(db)
  return { trusted, members, access: new SyncAccess(trusted, members) }
}

/** Starts the service on the Repo and makes automerge-repo re-ask access whenever trust or membership changes. */
export function createCoreSync(
  repo: Repo,
  db: Database,
  identity: DeviceIdentity,
  stores: Pick<CoreSync, 'trusted' | 'members' | 'access'>,
  describe: { deviceName: string; workspaceUrl: () => string },
): CoreSync {
  const reevaluate = () => repo.shareConfigChanged()
  stores.trusted.onChange(reevaluate)
  stores.members.onChange(reevaluate)
  const service = new SyncService({ repo, identity, trusted: stores.trusted })
  const pairing = new Pairing({ identity, ...stores, service }, new InviteStore(db), {
    deviceName: () => describe.deviceName,
    workspaceUrl: describe.workspaceUrl,
    urlOf: (documentId) => `automerge:${documentId}`,
  })
  return {
    identity,
    ...stores,
    service,
    pairing,
    async start({ host = '0.0.0.0', port = 0, pairingPort = 0 } = {}) {
      const listening = await service.listen({ host, port })
      const door = await pairing.listen({ host, port: pairingPort })
      service.startDialing()
      return { port: listening, pairingPort: door }
    },
    async stop() {
      await pairing.close()
      await service.stop()
    },
  }
}
