import { cbor, isValidDocumentId } from '@automerge/automerge-repo'
import { syncMessageRows, SyncWorkError } from './syncMessageWork'

/**
 * At most this many rows (ops and changes) in one sync message: a few seconds of Automerge's time
 * on a slow laptop. A document past it (a million keystrokes in one note) cannot be synced whole
 * from a peer; a "document bomb" (a kilobyte that unpacks into millions of ops) is refused unread.
 */
export const maxSyncMessageRows = 1_000_000
/** Deflated columns in one sync message may unpack to at most this many bytes. */
export const maxSyncMessageInflatedBytes = 64 * 1024 * 1024

/**
 * Why a message a paired device sent (after its handshake, already checked for sender and target)
 * cannot be used, or undefined if automerge-repo can take it. automerge-repo drops most bad
 * messages on its own, but only after logging each in full (so a hostile peer could fill the log
 * with its bytes) and without telling us, so the link would stay up for more; checking the shape
 * here lets the adapter cut such a peer off at its first bad message. Staffroom peers send only the
 * four types below (remote-heads gossip is off on both ends); a new type needs a protocol version.
 */
export function whyUnusable(message: Record<string, unknown>): string | undefined {
  switch (message.type) {
    case 'sync':
    case 'request':
      return unusableDocument(message) ?? unusableSyncData(message.data)
    case 'ephemeral':
      return unusableDocument(message) ?? unusableEphemeral(message)
    case 'doc-unavailable':
      return unusableDocument(message)
    default:
      return 'unknown message type'
  }
}

function unusableDocument(message: Record<string, unknown>): string | undefined {
  return typeof message.documentId === 'string' && isValidDocumentId(message.documentId) ? undefined : 'invalid document id'
}

function unusableSyncData(data: unknown): string | undefined {
  if (!(data instanceof Uint8Array)) return 'sync data is not bytes'
  let rows: number
  try {
    rows = syncMessageRows(data, maxSyncMessageInflatedBytes)
  } catch (error) {
    return error instanceof SyncWorkError && error.tooBig ? 'sync message too big to apply' : 'sync data does not decode'
  }
  return rows > maxSyncMessageRows ? 'sync message too big to apply' : undefined
}

function unusableEphemeral(message: Record<string, unknown>): string | undefined {
  const { data, sessionId, count } = message
  if (!(data instanceof Uint8Array) || typeof sessionId !== 'string' || typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) return 'malformed ephemeral message'
  try {
    cbor.decode(data)
    return undefined
  } catch {
    return 'ephemeral data does not decode'
  }
}
