import { ipcChannels, type RpcEventMessage } from '@shared/api/wire'
import type { RpcResult } from '@shared/errors'
import type { RpcTarget } from '../serve/RpcEndpoint'
import type { IpcSenderCheck } from './IpcSenderCheck'
import type { IpcMainPort, WebContentsPort } from './ports'
import type { ShellLog } from './navigationGuard'

/** Methods of the contract that the desktop shell answers itself (it can do what the core cannot). */
export type ShellMethods = Readonly<Record<string, (args: unknown) => Promise<RpcResult<unknown>>>>

/**
 * Routes `window.staffroom.invoke(method, args)` to core.dispatch (or to the shell's own
 * `shellMethods`) after the sender check; a refused sender gets an 'unauthorized' envelope,
 * never the core. Returns the unregister call.
 */
export function registerRpcIpc(ipcMain: IpcMainPort, core: RpcTarget, senders: IpcSenderCheck, log: ShellLog, shellMethods: ShellMethods = {}): () => void {
  ipcMain.handle(ipcChannels.invoke, async (event, method, args): Promise<RpcResult<unknown>> => {
    const refusal = senders.refusal(event)
    if (refusal) {
      log(`Refused: ${refusal}`)
      return { ok: false, error: { code: 'unauthorized', message: 'This page may not talk to Staffroom.' } }
    }
    if (typeof method !== 'string' || method.length === 0 || method.length > 200)
      return { ok: false, error: { code: 'bad-request', message: 'The method name must be a non-empty string.' } }
    const shellMethod = Object.hasOwn(shellMethods, method) ? shellMethods[method] : undefined
    return shellMethod ? shellMethod(args) : core.dispatch(method, args)
  })
  return () => ipcMain.removeHandler(ipcChannels.invoke)
}

/** Pushes core events to the given web contents (the preload turns them into `on` callbacks). */
export function forwardCoreEvents(core: RpcTarget, contents: () => Iterable<WebContentsPort>): () => void {
  return core.onEvent((message) => {
    const frame: RpcEventMessage = { event: message.event, payload: message.payload }
    for (const target of contents()) if (!target.isDestroyed()) target.send(ipcChannels.event, frame)
  })
}
