import type { RawData, WebSocket } from 'ws'
import type { RpcEventMessage, RpcReplyMessage } from '@shared/api/wire'
import type { EventMessage } from '@shared/api'
import type { RpcResult } from '@shared/errors'
import { parseRpcMessage, type RpcSizeLimits } from './rpcMessages'

/** What the endpoint needs of the core: the same two calls the Electron IPC uses. */
export interface RpcTarget {
  dispatch(method: string, args: unknown): Promise<RpcResult<unknown>>
  onEvent(listener: (message: EventMessage) => void): () => void
}

/** WebSocket close code 1007: "inconsistent data", with the reason shown to the client. */
const closeCodeBadData = 1007
const closeCodeGoingAway = 1001

/** The `/rpc` WebSocket endpoint: JSON requests routed to the core, replies and pushed events back. */
export class RpcEndpoint {
  private readonly sockets = new Set<WebSocket>()
  private readonly stopEvents: () => void

  constructor(
    private readonly target: RpcTarget,
    private readonly sizeLimits: RpcSizeLimits,
  ) {
    this.stopEvents = target.onEvent((message) => this.broadcast(message))
  }

  get connectionCount(): number {
    return this.sockets.size
  }

  accept(socket: WebSocket): void {
    this.sockets.add(socket)
    socket.on('close', () => this.sockets.delete(socket))
    // A socket error (e.g. a frame over maxPayload) closes that socket only; the server carries on.
    socket.on('error', () => this.sockets.delete(socket))
    socket.on('message', (data: RawData, isBinary: boolean) => void this.receive(socket, toBuffer(data), isBinary))
  }

  close(): void {
    this.stopEvents()
    for (const socket of this.sockets) socket.close(closeCodeGoingAway, 'Staffroom serve is shutting down.')
    this.sockets.clear()
  }

  private async receive(socket: WebSocket, data: Buffer, isBinary: boolean): Promise<void> {
    const parsed = parseRpcMessage(data, isBinary, this.sizeLimits)
    if (parsed.kind === 'anonymous-error') {
      socket.close(closeCodeBadData, truncateCloseReason(parsed.reason))
      return
    }
    if (parsed.kind === 'reply-error') {
      send(socket, parsed.reply)
      return
    }
    const { id, method, args } = parsed.request
    let result: RpcResult<unknown>
    try {
      result = await this.target.dispatch(method, args)
    } catch (error) {
      // dispatch promises never to throw; should it ever, the caller still gets an answer.
      result = { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } }
    }
    send(socket, { id, result } satisfies RpcReplyMessage)
  }

  private broadcast(message: EventMessage): void {
    const frame: RpcEventMessage = { event: message.event, payload: message.payload }
    const text = JSON.stringify(frame)
    for (const socket of this.sockets) if (socket.readyState === socket.OPEN) socket.send(text)
  }
}

function send(socket: WebSocket, message: RpcReplyMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data
  if (Array.isArray(data)) return Buffer.concat(data)
  return Buffer.from(data)
}

/** A close reason must fit in 123 bytes of UTF-8. */
function truncateCloseReason(reason: string): string {
  return Buffer.byteLength(reason) <= 123 ? reason : reason.slice(0, 120) + '…'
}
