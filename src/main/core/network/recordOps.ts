import type { UndoReceipt } from '@shared/api'
import { dayOf } from '@shared/network/keepingInTouch'
import type { RecordKind } from '@shared/network/records'
import { ApiError } from '@shared/errors'
import type { NetworkServices } from './NetworkServices'

/** Today as the core sees it (UTC), for callers that did not send their local day. */
export function todayOr(today: string | undefined): string {
  return today ?? dayOf(Date.now())
}

/** Soft-deletes records (deletedAt); nothing is removed, and the receipt's token undoes it. */
export async function softDelete(network: NetworkServices, kind: RecordKind, ids: readonly string[]): Promise<UndoReceipt> {
  const now = Date.now()
  const changed = await network.store.updateMany(kind, ids, (record) => (record.deletedAt === null ? { deletedAt: now } : undefined), now)
  network.indexer.flushPending()
  return { undoToken: network.undo.record(changed.map(({ id, before }) => ({ kind, id, before }))), changed: changed.length }
}

export async function restoreRecord(network: NetworkServices, kind: RecordKind, id: string): Promise<void> {
  await network.store.updateMany(kind, [id], (record) => (record.deletedAt === null ? undefined : { deletedAt: null }))
  network.indexer.flushPending()
}

/** Puts back the previous values an operation recorded, one change per shard and kind. */
export async function applyUndo(network: NetworkServices, token: string): Promise<{ restored: number }> {
  const steps = network.undo.take(token)
  if (!steps) throw new ApiError('not-found', 'There is nothing to undo for this action any more.')
  let restored = 0
  const kinds = new Set(steps.map((s) => s.kind))
  for (const kind of kinds) {
    const before = new Map(steps.filter((s) => s.kind === kind).map((s) => [s.id, s.before]))
    const changed = await network.store.updateMany(kind, [...before.keys()], (record) => before.get(record.id) as never)
    restored += changed.length
  }
  network.indexer.flushPending()
  return { restored }
}

/** Refuses links to contacts this profile does not have. */
export function assertContactsExist(network: NetworkServices, ids: readonly string[]): void {
  const known = new Set(network.contacts.idsExist(ids))
  const missing = ids.filter((id) => !known.has(id))
  if (missing.length > 0) throw new ApiError('bad-request', `Unknown contact${missing.length > 1 ? 's' : ''}: ${missing.slice(0, 5).join(', ')}`)
}
