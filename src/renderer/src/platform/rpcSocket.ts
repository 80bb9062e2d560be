import type { ApiTransport } from '@shared/api/ApiClient'
import type { ApiEventName } from '@shared/api/events'
import type { RpcEventMessage, RpcReplyMessage, RpcRequestMessage } from '@shared/api/wire'
import type { RpcResult } from '@shared/errors'

export type ConnectionStatus = 'connecting' | 'open' | 'closed'

export interface RpcSocketOptions {
  url: string
  /** Injected so tests can drive a fake socket. */
  createSocket?: (url: string) => WebSocket
  /** First reconnect delay; doubles up to maxDelayMs. */
  initialDelayMs?: number
  maxDelayMs?: number
  /** How long a call waits for the first connection before failing. */
  connectTimeoutMs?: number
}

export interface RpcSocketTransport extends ApiTransport {
  status(): ConnectionStatus
  onStatus(listener: (status: ConnectionStatus) => void): () => void
  close(): void
}

type Pending = { resolve: (result: RpcResult<unknown>) => void; timer?: ReturnType<typeof setTimeout> }

const lostConnection: RpcResult<never> = {
  ok: false,
  error: { code: 'internal', message: 'Lost the connection to Staffroom. Reconnecting… please try again in a moment.' },
}
const notConnected: RpcResult<never> = {
  ok: false,
  error: { code: 'internal', message: 'Cannot reach Staffroom. Is `npm run serve` still running?' },
}

function isReply(value: unknown): value is RpcReplyMessage {
  const v = value as RpcReplyMessage
  return typeof v === 'object' && v !== null && typeof v.id === 'number' && typeof v.result === 'object' && v.result !== null
}
function isEvent(value: unknown): value is RpcEventMessage {
  const v = value as RpcEventMessage
  return typeof v === 'object' && v !== null && typeof v.event === 'string'
}

/**
 * The serve shell's `/rpc` WebSocket as an ApiTransport. Calls resolve with an error envelope (never
 * reject) when the connection drops, so the UI shows a toast; the socket reconnects with backoff, and
 * after a reconnect it emits a synthetic `index.changed` so views refetch what they may have missed.
 */
export function createRpcSocket(options: RpcSocketOptions): RpcSocketTransport {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url))
  const initialDelay = options.initialDelayMs ?? 250
  const maxDelay = options.maxDelayMs ?? 10_000
  const connectTimeout = options.connectTimeoutMs ?? 10_000

  const pending = new Map<number, Pending>()
  const queued: Array<{ message: RpcRequestMessage; pending: Pending }> = []
  const eventListeners = new Set<(event: ApiEventName, payload: unknown) => void>()
  const statusListeners = new Set<(status: ConnectionStatus) => void>()
  let socket: WebSocket | undefined
  let status: ConnectionStatus = 'connecting'
  let nextId = 1
  let delay = initialDelay
  let everOpened = false
  let closedByUs = false
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined

  function setStatus(next: ConnectionStatus) {
    if (status === next) return
    status = next
    for (const listener of statusListeners) listener(next)
  }

  function emit(event: ApiEventName, payload: unknown) {
    for (const listener of eventListeners) listener(event, payload)
  }

  function send(message: RpcRequestMessage, entry: Pending) {
    pending.set(message.id, entry)
    socket?.send(JSON.stringify(message))
  }

  function connect() {
    setStatus('connecting')
    const ws = createSocket(options.url)
    socket = ws
    ws.onopen = () => {
      delay = initialDelay
      setStatus('open')
      for (const { message, pending: entry } of queued.splice(0)) {
        if (entry.timer) clearTimeout(entry.timer)
        send(message, entry)
      }
      if (everOpened) emit('index.changed', { kinds: ['notes'], ids: [] })
      everOpened = true
    }
    ws.onmessage = (event: MessageEvent) => {
      let data: unknown
      try {
        data = JSON.parse(String(event.data))
      } catch {
        return
      }
      if (isReply(data)) {
        const entry = pending.get(data.id)
        pending.delete(data.id)
        entry?.resolve(data.result)
      } else if (isEvent(data)) {
        emit(data.event, data.payload)
      }
    }
    ws.onclose = () => {
      if (socket !== ws) return
      socket = undefined
      for (const entry of pending.values()) entry.resolve(lostConnection)
      pending.clear()
      setStatus('closed')
      if (closedByUs) return
      reconnectTimer = setTimeout(connect, delay)
      delay = Math.min(delay * 2, maxDelay)
    }
  }

  connect()

  return {
    invoke(method, args) {
      return new Promise((resolve) => {
        const message: RpcRequestMessage = { id: nextId++, method, args }
        const entry: Pending = { resolve }
        if (status === 'open' && socket) {
          send(message, entry)
          return
        }
        // Wait for the (re)connection a little, then give up with a clear message.
        entry.timer = setTimeout(() => {
          const index = queued.findIndex((q) => q.pending === entry)
          if (index >= 0) queued.splice(index, 1)
          resolve(notConnected)
        }, connectTimeout)
        queued.push({ message, pending: entry })
      })
    },
    on(listener) {
      eventListeners.add(listener)
      return () => eventListeners.delete(listener)
    },
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener)
      return () => statusListeners.delete(listener)
    },
    close() {
      closedByUs = true
      if (reconnectTimer) clearTimeout(reconnectTimer)
      socket?.close()
    },
  }
}
