import type { RpcResult } from '@shared/errors'
import type { RpcReplyMessage } from '@shared/api/wire'
import { WebSocket } from 'ws'
import type { ServeControl } from './ServeControlFile'

/** One RPC call to a running serve on this machine, authenticated as its own page would be. */
export function callRunningServe(control: ServeControl, method: string, args: unknown, timeoutMs = 30_000): Promise<RpcResult<unknown>> {
  const origin = `http://127.0.0.1:${control.port}`
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${control.port}/rpc`, {
      headers: { origin, cookie: `staffroom_session_${control.port}=${control.token}` },
    })
    const timer = setTimeout(() => {
      socket.terminate()
      reject(new Error(`the running serve (port ${control.port}) did not answer in time`))
    }, timeoutMs)
    socket.once('open', () => socket.send(JSON.stringify({ id: 1, method, args })))
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Partial<RpcReplyMessage>
      if (message.id !== 1 || !message.result) return
      clearTimeout(timer)
      socket.close()
      resolve(message.result)
    })
    socket.once('error', (error) => {
      clearTimeout(timer)
      reject(new Error(`could not reach the running serve on port ${control.port}: ${error.message}`))
    })
  })
}
