import type { DocumentId, PeerId, RepoConfig } from '@automerge/automerge-repo'
import { deviceIdOfPeer } from './deviceId'
import type { DocumentMembers } from './DocumentMembers'
import type { TrustedDevices } from './TrustedDevices'

/**
 * Who may sync what, asked by automerge-repo for every document and peer (shareConfig):
 * - this device's own UIs (the renderer over IPC or serve's authenticated /sync): everything;
 *   their PeerIds are never device ids, and the TLS transport only admits device ids;
 * - this person's other devices: everything;
 * - a paired contact's device: exactly the documents it is a member of, even if it knows
 *   another document's URL;
 * - anyone else (a revoked device, an unknown id): nothing.
 */
export class SyncAccess {
  constructor(
    private readonly trusted: TrustedDevices,
    private readonly members: DocumentMembers,
  ) {}

  allows(peerId: PeerId, documentId?: DocumentId): boolean {
    const deviceId = deviceIdOfPeer(peerId)
    if (deviceId === undefined) return !peerId.startsWith('device-')
    const device = this.trusted.active(deviceId)
    if (!device) return false
    if (device.relation === 'own') return true
    return documentId !== undefined && this.members.isMember(documentId, deviceId)
  }

  shareConfig(): NonNullable<RepoConfig['shareConfig']> {
    const decide = async (peerId: PeerId, documentId?: DocumentId) => this.allows(peerId, documentId)
    return { announce: decide, access: decide }
  }
}
