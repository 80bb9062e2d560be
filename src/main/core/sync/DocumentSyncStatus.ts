import type { DocumentId, Repo } from '@automerge/automerge-repo'
import { peerIdOfDevice } from './deviceId'
import type { DocumentMembers } from './DocumentMembers'
import type { TrustedDevice, TrustedDevices } from './TrustedDevices'

export type DeviceSyncState = 'synced' | 'pending' | 'unknown'

export interface DeviceDocumentStatus {
  deviceId: string
  name: string
  online: boolean
  /**
   * `synced`: the device's last known heads of the document are this device's heads;
   * `pending`: it has not yet confirmed this device's latest changes (or has some of its own not here yet);
   * `unknown`: the document is not loaded here, or the device has not synced it since this device started.
   */
  state: DeviceSyncState
  /** When the device's heads for this document last changed, as seen by this device; null if never. */
  lastSyncAt: number | null
}

/**
 * Per document, how far each device that may sync it (this person's own devices, and the
 * colleagues' devices that are members; active ones only) has caught up with this device's copy.
 * It reads automerge-repo's per-peer sync info (the heads each directly linked peer last announced,
 * kept per storage id) for handles already loaded; nothing is loaded to answer (DECISIONS 28).
 */
export class DocumentSyncStatus {
  constructor(
    private readonly repo: Repo,
    private readonly trusted: TrustedDevices,
    private readonly members: DocumentMembers,
    private readonly isConnected: (deviceId: string) => boolean,
  ) {}

  of(documentId: string): DeviceDocumentStatus[] {
    const own = this.trusted.activeList().filter((d) => d.relation === 'own')
    const colleagues = this.members
      .membersOf(documentId)
      .map((m) => this.trusted.active(m.deviceId))
      .filter((d): d is TrustedDevice => d !== undefined && d.relation === 'contact')
    const handle = this.repo.handles[documentId as DocumentId]
    const heads = handle?.isReady() ? [...handle.heads()].sort() : undefined
    return [...own, ...colleagues].map((device) => {
      const storageId = this.repo.getStorageIdOfPeer(peerIdOfDevice(device.deviceId))
      const info = storageId && handle ? handle.getSyncInfo(storageId) : undefined
      let state: DeviceSyncState = 'unknown'
      if (heads && info) state = sameHeads(heads, info.lastHeads) ? 'synced' : 'pending'
      return { deviceId: device.deviceId, name: device.name, online: this.isConnected(device.deviceId), state, lastSyncAt: info?.lastSyncTimestamp ?? null }
    })
  }
}

function sameHeads(sortedMine: string[], theirs: readonly string[]): boolean {
  if (sortedMine.length !== theirs.length) return false
  const sortedTheirs = [...theirs].sort()
  return sortedMine.every((head, i) => head === sortedTheirs[i])
}
