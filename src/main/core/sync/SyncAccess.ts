import type { DocumentId, NetworkAdapterInterface, PeerId, RepoConfig } from '@automerge/automerge-repo'
import { deviceIdOfPeer } from './deviceId'
import type { DocumentMembers } from './DocumentMembers'
import type { RelayedDocuments } from './RelayedDocuments'
import type { TrustedDevices } from './TrustedDevices'

/**
 * Who may sync what, asked by automerge-repo for every document and peer (shareConfig):
 * - this device's own UIs (the renderer over IPC or serve's authenticated /sync): everything;
 *   a shell marks their adapter as local, and only PeerIds announced there count as local;
 * - this person's other devices: everything;
 * - a paired contact's device: exactly the documents it is a member of, even if it knows
 *   another document's URL;
 * - a relay (a peer announced on an adapter vouched for as a relay): only the shared documents
 *   marked for relay, and only while they are still shared; never the workspace or a personal note;
 * - anyone else (a revoked device, an unknown id): nothing.
 */
export class SyncAccess {
  private readonly localPeers = new Set<PeerId>()
  private readonly relayPeers = new Set<PeerId>()

  constructor(
    private readonly trusted: TrustedDevices,
    private readonly members: DocumentMembers,
    private readonly relayed?: Pick<RelayedDocuments, 'relays'>,
  ) {}

  /** Every peer this adapter announces is one of this device's own UIs (the shell authenticated it). */
  trustLocalAdapter(adapter: NetworkAdapterInterface): void {
    adapter.on('peer-candidate', ({ peerId }) => {
      if (!peerId.startsWith('device-')) this.localPeers.add(peerId)
    })
    adapter.on('peer-disconnected', ({ peerId }) => this.localPeers.delete(peerId))
  }

  /** Every peer this adapter announces is a relay: it may sync only the documents marked for relay. */
  trustRelayAdapter(adapter: NetworkAdapterInterface): void {
    adapter.on('peer-candidate', ({ peerId }) => {
      if (!this.localPeers.has(peerId)) this.relayPeers.add(peerId)
    })
    adapter.on('peer-disconnected', ({ peerId }) => this.relayPeers.delete(peerId))
  }

  allows(peerId: PeerId, documentId?: DocumentId): boolean {
    if (this.relayPeers.has(peerId)) return documentId !== undefined && this.relayed !== undefined && this.relayed.relays(documentId)
    if (this.localPeers.has(peerId)) return true
    const deviceId = deviceIdOfPeer(peerId)
    if (deviceId === undefined) return false
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
