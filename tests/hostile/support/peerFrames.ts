import * as A from '@automerge/automerge'
import { cbor, generateAutomergeUrl, isValidDocumentId, parseAutomergeUrl } from '@automerge/automerge-repo'
import fc from 'fast-check'

/** What a generated frame is, for the counts in the figures. */
export type FrameKind = 'bytes' | 'text' | 'cbor-junk' | 'envelope' | 'truncated-envelope' | 'bad-sync-data' | 'genuine'

/** A generated frame; `encode` fills in the link's real peer ids, so one sample fits any paired device. */
export interface JunkFrame {
  kind: FrameKind
  encode: (context: FrameContext) => Uint8Array | string
  /** Unusable by construction (not a message, or the wrong type, ids or fields): the peer must be cut off. */
  mustCut: boolean
}

export interface FrameContext {
  hostilePeerId: string
  targetPeerId: string
}

/** Where a generated value stands for the link's own ids, resolved by `encode`. */
const senderSelf = '<hostile>'
const targetSelf = '<target>'

function resolveIds(message: Record<string, unknown>, context: FrameContext): Record<string, unknown> {
  return {
    ...message,
    ...(message.senderId === senderSelf ? { senderId: context.hostilePeerId } : {}),
    ...(message.targetId === targetSelf ? { targetId: context.targetPeerId } : {}),
  }
}

/** Genuine sync messages (an empty request, one carrying a few changes) to send, cut and bend. */
export function genuineSyncMessages(): Uint8Array[] {
  let doc = A.from<{ title: string; items: string[] }>({ title: 'hostile', items: [] })
  for (let i = 0; i < 5; i++) doc = A.change(doc, (d) => void d.items.push(`item ${i}`))
  const [, withChanges] = A.generateSyncMessage(doc, A.initSyncState())
  const [, request] = A.generateSyncMessage(A.init(), A.initSyncState())
  const [, followUp] = A.generateSyncMessage(doc, A.receiveSyncMessage(doc, A.initSyncState(), request!)[1])
  return [withChanges!, request!, followUp ?? withChanges!]
}

const genuine = genuineSyncMessages()
const messageTypes = ['sync', 'request', 'ephemeral', 'doc-unavailable', 'remote-subscription-change', 'remote-heads-changed', 'join', 'peer', 'leave']

function randomDocumentId(): fc.Arbitrary<string> {
  return fc.constant(null).map(() => parseAutomergeUrl(generateAutomergeUrl()).documentId)
}

/** Bytes of a genuine sync message cut short, with bytes flipped, or spliced with junk. */
const bentSyncData: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.constantFrom(...genuine), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), fc.uint8Array({ maxLength: 64 }))
  .map(([message, cut, flips, junk]) => {
    const bent = Uint8Array.from(message.subarray(0, Math.max(1, cut % message.length)))
    for (const [at, value] of flips) bent[at % bent.length] = value
    return junk.length > 0 && cut % 3 === 0 ? Uint8Array.from([...bent, ...junk]) : bent
  })

const usableTypes = new Set(['sync', 'request', 'ephemeral', 'doc-unavailable'])

/** Whether a generated envelope is unusable whatever its bytes turn out to be (an oracle independent of the adapter's checks). */
function envelopeMustCut(message: Record<string, unknown>): boolean {
  if (typeof message.type !== 'string' || !usableTypes.has(message.type)) return true
  if (message.senderId !== senderSelf || message.targetId !== targetSelf) return true
  if (typeof message.documentId !== 'string' || !isValidDocumentId(message.documentId)) return true
  if ((message.type === 'sync' || message.type === 'request') && !(message.data instanceof Uint8Array)) return true
  if (message.type === 'ephemeral' && (!(message.data instanceof Uint8Array) || typeof message.sessionId !== 'string' || !Number.isSafeInteger(message.count) || (message.count as number) < 0)) return true
  return false
}

/** Junk frames a pinned device might send after (or instead of) its handshake. */
export function junkFrame(documentIds: string[]): fc.Arbitrary<JunkFrame> {
  const documentId = fc.oneof(fc.constantFrom(...documentIds), randomDocumentId(), fc.string({ maxLength: 80 }), fc.constant(undefined))
  const data = fc.oneof(bentSyncData, fc.constantFrom(...genuine), fc.uint8Array({ maxLength: 512 }), fc.string({ maxLength: 40 }), fc.integer(), fc.constant(null))
  const envelope = fc.record(
    {
      type: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...messageTypes) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }, { weight: 1, arbitrary: fc.integer() }),
      senderId: fc.oneof({ weight: 8, arbitrary: fc.constant(senderSelf) }, { weight: 1, arbitrary: fc.string({ maxLength: 60 }) }),
      targetId: fc.oneof({ weight: 8, arbitrary: fc.constant(targetSelf) }, { weight: 1, arbitrary: fc.string({ maxLength: 60 }) }),
      documentId,
      data,
      sessionId: fc.string({ maxLength: 20 }),
      count: fc.oneof(fc.nat(), fc.double()),
      extra: fc.jsonValue({ maxDepth: 3 }),
    },
    { requiredKeys: ['type', 'senderId'] },
  )
  const bytes = fc.uint8Array({ minLength: 0, maxLength: 2_048 }).map((frame) => ({ kind: 'bytes' as const, encode: () => frame, mustCut: true }))
  const text = fc.string({ maxLength: 200 }).map((frame) => ({ kind: 'text' as const, encode: () => frame, mustCut: true }))
  const cborJunk = fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: 'cbor-junk' as const, encode: () => cbor.encode(value), mustCut: true }))
  const whole = envelope.map((message) => ({ kind: 'envelope' as const, encode: (context: FrameContext) => cbor.encode(resolveIds(message, context)), mustCut: envelopeMustCut(message) }))
  const truncated = fc.tuple(envelope, fc.nat()).map(([message, cut]) => ({
    kind: 'truncated-envelope' as const,
    mustCut: true,
    encode: (context: FrameContext) => {
      const encoded = cbor.encode(resolveIds(message, context))
      return encoded.subarray(0, cut % encoded.length)
    },
  }))
  const badSyncData = fc.tuple(fc.constantFrom('sync', 'request'), documentId, bentSyncData).map(([type, id, data]) => ({
    kind: 'bad-sync-data' as const,
    mustCut: typeof id !== 'string' || !isValidDocumentId(id),
    encode: (context: FrameContext) => cbor.encode({ type, senderId: context.hostilePeerId, targetId: context.targetPeerId, documentId: id, data }),
  }))
  // Well-formed messages a real peer sends: they must be served, not cut (the property's other half).
  const genuineFrame = fc.tuple(fc.constantFrom('request', 'sync', 'doc-unavailable'), fc.oneof(fc.constantFrom(...documentIds), randomDocumentId()), fc.constantFrom(...genuine)).map(([type, id, data]) => ({
    kind: 'genuine' as const,
    mustCut: false,
    encode: (context: FrameContext) => cbor.encode({ type, senderId: context.hostilePeerId, targetId: context.targetPeerId, documentId: id, ...(type === 'doc-unavailable' ? {} : { data }) }),
  }))
  // Envelopes weigh most: byte-level junk is cut at the first frame, the subtler lies need the trials.
  return fc.oneof(
    { weight: 1, arbitrary: bytes },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: cborJunk },
    { weight: 5, arbitrary: whole },
    { weight: 1, arbitrary: truncated },
    { weight: 3, arbitrary: badSyncData },
    { weight: 4, arbitrary: genuineFrame },
  )
}
