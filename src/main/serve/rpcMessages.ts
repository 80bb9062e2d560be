import { z } from 'zod'
import { limits } from '@shared/limits'
import { uploadMethods, type RpcReplyMessage, type RpcRequestMessage } from '@shared/api/wire'
import type { ErrorCode } from '@shared/errors'

const requestSchema = z.object({
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  method: z.string().min(1).max(200),
  args: z.unknown(),
})

export type ParsedRpcMessage =
  | { kind: 'request'; request: RpcRequestMessage }
  /** Unusable, but it names an id, so the caller gets a reply it can match. */
  | { kind: 'reply-error'; reply: RpcReplyMessage }
  /** Unusable and anonymous: nobody to answer, so the socket is told why and closed. */
  | { kind: 'anonymous-error'; reason: string }

export interface RpcSizeLimits {
  /** Any message. */
  messageBytes: number
  /** A message to one of the upload methods (it carries a file). */
  uploadMessageBytes: number
}

export const defaultRpcSizeLimits: RpcSizeLimits = { messageBytes: limits.rpcMessageBytes, uploadMessageBytes: limits.rpcUploadMessageBytes }

/** Turns one WebSocket frame into a request, or into the error the sender should see. */
export function parseRpcMessage(data: Buffer, isBinary: boolean, sizeLimits: RpcSizeLimits = defaultRpcSizeLimits): ParsedRpcMessage {
  if (isBinary) return anonymous('RPC messages are JSON text frames, not binary.')
  const text = data.toString('utf8')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return anonymous('RPC message is not valid JSON.')
  }
  const id = idOf(json)
  const method = typeof json === 'object' && json !== null && 'method' in json ? json.method : undefined
  const maxBytes = typeof method === 'string' && uploadMethods.has(method) ? sizeLimits.uploadMessageBytes : sizeLimits.messageBytes
  if (data.byteLength > maxBytes) {
    const message = `RPC message of ${data.byteLength} bytes is larger than the limit of ${maxBytes} bytes.`
    return id === undefined ? anonymous(message) : errorReply(id, 'too-large', message)
  }
  const parsed = requestSchema.safeParse(json)
  if (!parsed.success) {
    const message = 'RPC message must be {"id": number, "method": string, "args": object}.'
    return id === undefined ? anonymous(message) : errorReply(id, 'bad-request', message)
  }
  return { kind: 'request', request: { id: parsed.data.id, method: parsed.data.method, args: parsed.data.args } }
}

function idOf(json: unknown): number | undefined {
  if (typeof json !== 'object' || json === null || !('id' in json)) return undefined
  const id = json.id
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : undefined
}

function anonymous(reason: string): ParsedRpcMessage {
  return { kind: 'anonymous-error', reason }
}

function errorReply(id: number, code: ErrorCode, message: string): ParsedRpcMessage {
  return { kind: 'reply-error', reply: { id, result: { ok: false, error: { code, message } } } }
}
