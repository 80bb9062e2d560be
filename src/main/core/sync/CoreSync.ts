import type { Repo } from '@automerge/automerge-repo'
import type { Database } from 'better-sqlite3'
import type { DeviceIdentity } from './DeviceIdentityStore'
import { DocumentMembers } from './DocumentMembers'
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
}

export function trustStores(db: Database): Pick<CoreSync, 'trusted' | 'members' | 'access'> {
  const trusted = new TrustedDevices(db)
  const members = new DocumentMembers(db)
  return { trusted, members, access: new SyncAccess(trusted, members) }
}

/** Starts the service on the Repo and makes automerge-repo re-ask access whenever trust or membership changes. */
export function createCoreSync(repo: Repo, identity: DeviceIdentity, stores: Pick<CoreSync, 'trusted' | 'members' | 'access'>): CoreSync {
  const reevaluate = () => repo.shareConfigChanged()
  stores.trusted.onChange(reevaluate)
  stores.members.onChange(reevaluate)
  return { identity, ...stores, service: new SyncService({ repo, identity, trusted: stores.trusted }) }
}
