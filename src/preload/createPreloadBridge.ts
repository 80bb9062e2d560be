import { ipcChannels, type PreloadBridge, type RpcEventMessage } from '@shared/api/wire'
import type { ApiEventName } from '@shared/api/events'
import type { RpcResult } from '@shared/errors'

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, message: unknown) => void): unknown
  removeListener(channel: string, listener: (event: unknown, message: unknown) => void): unknown
}

/**
 * What the page gets as `window.staffroom`: typed invoke/on and nothing else. The page never sees
 * ipcRenderer, channel names or Electron's event objects, so it cannot reach other channels.
 */
export function createPreloadBridge(ipc: IpcRendererPort): PreloadBridge {
  return {
    invoke: async (method: string, args: unknown): Promise<RpcResult<unknown>> => {
      if (typeof method !== 'string') return { ok: false, error: { code: 'bad-request', message: 'The method name must be a string.' } }
      return (await ipc.invoke(ipcChannels.invoke, method, args)) as RpcResult<unknown>
    },
    on: (listener: (event: ApiEventName, payload: unknown) => void): (() => void) => {
      const forward = (_event: unknown, message: unknown) => {
        if (!isEventMessage(message)) return
        listener(message.event, message.payload)
      }
      ipc.on(ipcChannels.event, forward)
      return () => {
        ipc.removeListener(ipcChannels.event, forward)
      }
    },
  }
}

function isEventMessage(message: unknown): message is RpcEventMessage {
  return typeof message === 'object' && message !== null && typeof (message as { event?: unknown }).event === 'string'
}
