import { EventEmitter } from 'node:events'
import type { DocumentId, NetworkAdapterInterface, PeerId } from '@automerge/automerge-repo'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { openDatabase } from '../storage/openDatabase'
import { makeTempDir } from '../testing/tempDir'
import { createDeviceCertificate } from './createDeviceCertificate'
import { deviceIdOfCertificate, peerIdOfDevice } from './deviceId'
import { DocumentMembers } from './DocumentMembers'
import { RelayedDocuments } from './RelayedDocuments'
import { SyncAccess } from './SyncAccess'
import { TrustedDevices } from './TrustedDevices'

let temp: ReturnType<typeof makeTempDir>
let db: ReturnType<typeof openDatabase>
beforeEach(() => {
  temp = makeTempDir()
  db = openDatabase({ dataDir: temp.dir })
})
afterEach(() => {
  db.close()
  temp.remove()
})

const doc = (id: string) => id as DocumentId

it('lets a relay peer sync only documents that are marked and still shared, whatever id it announces', async () => {
  const trusted = new TrustedDevices(db)
  const members = new DocumentMembers(db)
  const relayed = new RelayedDocuments(db, members)
  const access = new SyncAccess(trusted, members, relayed)
  const own = trusted.pin({ certificatePem: (await createDeviceCertificate('own laptop')).certificatePem, name: 'Own', relation: 'own' })
  const contact = deviceIdOfCertificate((await createDeviceCertificate('colleague')).certificatePem)
  const changes: string[] = []
  relayed.onChange(() => changes.push('changed'))

  const adapter = new EventEmitter()
  access.trustRelayAdapter(adapter as unknown as NetworkAdapterInterface)
  const relayPeer = 'relay-0123456789abcdef' as PeerId
  // A relay adapter that announced an own device's id still gets only what a relay may have.
  const impostor = peerIdOfDevice(own.deviceId)
  adapter.emit('peer-candidate', { peerId: relayPeer, peerMetadata: {} })
  adapter.emit('peer-candidate', { peerId: impostor, peerMetadata: {} })

  members.add('shared', contact, 'editor')
  members.add('shared-unmarked', contact, 'editor')
  expect(() => relayed.mark('personal')).toThrow(/Only a shared space/)
  relayed.mark('shared')
  relayed.mark('shared')
  expect(changes).toEqual(['changed'])
  for (const peer of [relayPeer, impostor]) {
    expect(access.allows(peer, doc('shared'))).toBe(true)
    expect(access.allows(peer, doc('shared-unmarked'))).toBe(false)
    expect(access.allows(peer, doc('personal'))).toBe(false)
    expect(access.allows(peer)).toBe(false)
  }

  members.remove('shared', contact)
  expect(relayed.isMarked('shared')).toBe(true)
  expect(access.allows(relayPeer, doc('shared'))).toBe(false)
  members.add('shared', contact, 'viewer')
  expect(access.allows(relayPeer, doc('shared'))).toBe(true)
  expect(relayed.unmark('shared')).toBe(true)
  expect(relayed.unmark('shared')).toBe(false)
  expect(access.allows(relayPeer, doc('shared'))).toBe(false)

  // Once the relay is gone its peer id means nothing; the own device's real links are unaffected by it.
  adapter.emit('peer-disconnected', { peerId: relayPeer })
  adapter.emit('peer-disconnected', { peerId: impostor })
  expect(access.allows(relayPeer, doc('shared'))).toBe(false)
  expect(access.allows(impostor, doc('shared-unmarked'))).toBe(true)
})

it('keeps the relay address as a profile setting and accepts only ws:// and wss:// addresses', () => {
  const relayed = new RelayedDocuments(db, new DocumentMembers(db))
  expect(relayed.relayUrl()).toBeUndefined()
  relayed.setRelayUrl(' wss://relay.example.org ')
  expect(relayed.relayUrl()).toBe('wss://relay.example.org/')
  for (const bad of ['http://relay.example.org', 'relay.example.org', 'wss://user:pw@relay.example.org', `wss://${'a'.repeat(600)}.org`]) {
    expect(() => relayed.setRelayUrl(bad), bad).toThrow(expect.objectContaining({ code: 'relay-invalid-url' }))
  }
  relayed.setRelayUrl(undefined)
  expect(relayed.relayUrl()).toBeUndefined()
})
