import type { RpcResult } from '../errors'
import type { ApiEventName } from './events'

/**
 * Wire shapes between a UI and the core.
 *
 * serve: two same-origin WebSockets, both authenticated by the session cookie
 * that the tokenised URL sets, and by Origin and Host:
 *   - `/rpc`  carries RpcRequest (client -> core) and RpcReply | RpcEvent (core -> client), JSON text frames;
 *   - `/sync` carries automerge-repo's WebSocket protocol (BrowserWebSocketClientAdapter <-> NodeWSServerAdapter).
 * Electron: the preload exposes `window.staffroom` (PreloadBridge) over ipcRenderer, and hands the
 * renderer a MessagePort for the repo by `window.postMessage({ type: repoPortMessageType }, '*', [port])`.
 */
export const wirePaths = { rpc: '/rpc', sync: '/sync' } as const

/** Methods whose arguments carry a whole file; they may use limits.rpcUploadMessageBytes. */
export const uploadMethods: ReadonlySet<string> = new Set(['io.previewImport', 'bundles.import', 'circles.addResource', 'projects.importMarkdown', 'feeds.importOpml'])
export const repoPortMessageType = 'staffroom:repo-port'
/**
 * The renderer posts `{ type: repoPortRequestMessageType }` to its own window once it listens for the
 * repo port, so a preload that handed the port over before the page's scripts ran can hand it again.
 */
export const repoPortRequestMessageType = 'staffroom:repo-port-request'
export const ipcChannels = { invoke: 'staffroom:invoke', event: 'staffroom:event', repoPort: 'staffroom:repo-port' } as const

export interface RpcRequestMessage {
  id: number
  method: string
  args: unknown
}
export interface RpcReplyMessage {
  id: number
  result: RpcResult<unknown>
}
export interface RpcEventMessage {
  event: ApiEventName
  payload: unknown
}

/** What the Electron preload exposes on `window.staffroom`. */
export interface PreloadBridge {
  invoke(method: string, args: unknown): Promise<RpcResult<unknown>>
  on(listener: (event: ApiEventName, payload: unknown) => void): () => void
}
