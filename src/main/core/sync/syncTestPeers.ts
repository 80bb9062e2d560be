import { Repo } from '@automerge/automerge-repo'
import type { Database } from 'better-sqlite3'
import { openDatabase } from '../storage/openDatabase'
import { makeTempDir } from '../testing/tempDir'
import { createDeviceCertificate } from './createDeviceCertificate'
import { deviceIdOfCertificate, peerIdOfDevice } from './deviceId'
import type { DeviceIdentity } from './DeviceIdentityStore'
import { SyncService, type SyncServiceOptions } from './SyncService'
import { TrustedDevices } from './TrustedDevices'

export interface TestPeer {
  name: string
  identity: DeviceIdentity
  repo: Repo
  trusted: TrustedDevices
  sync: SyncService
  db: Database
}

/**
 * Devices for sync tests: each a Repo bound to its device's PeerId, a real SQLite trust store and
 * a SyncService with short backoff and keep-alive. `close` stops them all and removes the files.
 */
export function makeTestPeers() {
  const temp = makeTempDir('staffroom-sync-')
  const peers: TestPeer[] = []
  let count = 0
  return {
    async peer(name: string, options: Partial<SyncServiceOptions> = {}): Promise<TestPeer> {
      const { certificatePem, privateKeyPem } = await createDeviceCertificate(name)
      const identity = { deviceId: deviceIdOfCertificate(certificatePem), certificatePem, privateKeyPem }
      const db = openDatabase({ dataDir: `${temp.dir}/${++count}` })
      const trusted = new TrustedDevices(db)
      const repo = new Repo({ network: [], peerId: peerIdOfDevice(identity.deviceId), sharePolicy: async () => true })
      const sync = new SyncService({ repo, identity, trusted, backoff: { initialMs: 50, maxMs: 400, stableMs: 1_000 }, keepAliveMs: 5_000, ...options })
      const peer = { name, identity, repo, trusted, sync, db }
      peers.push(peer)
      return peer
    },
    /** Pins each device on the other, as accepting an invite does. */
    pair(a: TestPeer, b: TestPeer, addressOfB?: string) {
      a.trusted.pin({ certificatePem: b.identity.certificatePem, name: b.name, relation: 'own', addresses: addressOfB ? [addressOfB] : [] })
      b.trusted.pin({ certificatePem: a.identity.certificatePem, name: a.name, relation: 'own' })
    },
    async close() {
      for (const peer of peers.splice(0)) {
        await peer.sync.stop()
        await peer.repo.shutdown()
        peer.db.close()
      }
      temp.remove()
    },
  }
}
