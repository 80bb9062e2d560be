import type { DocumentId } from '@automerge/automerge-repo'
import type { ProfileStats } from '@shared/api/system'
import type { Core } from '../../../src/main/core/Core'
import { createCore, openCore } from '../../../src/main/core/createCore'
import { call } from '../../../src/main/core/testing/coreHarness'
import { countReceivedBytes, progress } from './sourceDocuments'

/** The record counts both devices must agree on (documents, chunks and bytes are per device). */
export const recordCounts = ['notes', 'notesInTrash', 'contacts', 'interactions', 'communities', 'events', 'goals', 'journalEntries', 'resources', 'readings', 'checkIns', 'deletedRecords'] as const

export const sameRecords = (a: ProfileStats, b: ProfileStats) => recordCounts.every((k) => a[k] === b[k])

export interface OursRound {
  /** Accepting the invite until the new device stores every document and has indexed every record. */
  totalMs: number
  /** Of which: accepting the invite (pairing, TLS, adopting the workspace) and restarting the core. */
  pairAndRestartMs: number
  /** From accepting until B's SQLite stores every source document. */
  storedMs: number
  /** From accepting until B's stats first show contacts (indexed records a teacher would see). */
  firstRecordsMs: number
  receivedBytes: number
  messages: number
  stats: ProfileStats
  deviceId: string
}

/** Polling B's stats costs a few SQL counts; four times a second is enough for second-scale figures. */
const poll = () => new Promise((resolve) => setTimeout(resolve, 250))

/**
 * Our fresh own device, as a teacher sets one up: a new profile accepts an own-device invite from
 * A (pairing over TLS, then the workspace is adopted and the core restarts, as `restartRequired`
 * asks), starts sync, and is done when its SQLite stores every document A stores and its index
 * holds the same records as A's. The caller checks heads and shuts the returned core down.
 */
export async function oursRound(a: Core, dataDir: string, deviceName: string, ids: readonly DocumentId[]): Promise<{ round: OursRound; b: Core }> {
  const expected = a.stats()
  const invite = await call(a, 'sync.createInvite', { relation: 'own' })
  const started = performance.now()
  const pairing = await createCore({ dataDir, deviceName })
  // The link is up while pairing, so documents may start arriving before the restart: counted too.
  const receivedWhilePairing = countReceivedBytes(pairing.repo)
  const deviceId = pairing.sync.identity.deviceId
  const accepted = await call(pairing, 'sync.acceptInvite', { code: invite.code })
  if (!accepted.restartRequired) throw new Error('an own-device invite should ask for a restart')
  await pairing.shutdown()
  const { core: b, internals } = await openCore({ dataDir })
  const received = countReceivedBytes(b.repo)
  await b.sync.start({ host: '127.0.0.1' })
  const pairAndRestartMs = performance.now() - started
  let storedMs = 0
  let firstRecordsMs = 0
  for (;;) {
    const now = performance.now() - started
    const stored = internals.ctx.storage.storedDocumentIds()
    const missing = ids.filter((id) => !stored.has(id)).length
    if (!storedMs && missing === 0) storedMs = now
    const stats = b.stats()
    if (!firstRecordsMs && stats.contacts > 0) firstRecordsMs = now
    progress(`ours ${deviceName}: ${(now / 1000).toFixed(1)} s, ${missing} documents not stored, ${stats.contacts} contacts, ${stats.interactions} interactions, ${stats.notes} notes indexed`)
    if (storedMs && sameRecords(stats, expected)) break
    await poll()
  }
  const totalMs = performance.now() - started
  return { round: { totalMs, pairAndRestartMs, storedMs, firstRecordsMs, receivedBytes: receivedWhilePairing.bytes() + received.bytes(), messages: receivedWhilePairing.messages() + received.messages(), stats: b.stats(), deviceId }, b }
}
