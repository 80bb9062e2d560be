import type { BrowserContext } from '@playwright/test'
import WebSocket from 'ws'
import type { ServeProcess } from '../../../e2e/support/ServeProcess'

type RpcResult = { ok: true; value: unknown } | { ok: false; error: { code: string; message?: string } }

/**
 * The serve `/rpc` socket driven from Node with the page's own session cookie and Origin: the way to
 * put a lot of hostile content in quickly, where typing it through the UI would take minutes.
 */
export class NodeRpc {
  private nextId = 1
  private readonly pending = new Map<number, (result: RpcResult) => void>()

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: RpcResult }
      if (typeof message.id === 'number') this.pending.get(message.id)?.(message.result!)
    })
  }

  /** Opens the socket as the logged-in page would (the context must have loaded the app once). */
  static async open(serve: ServeProcess, context: BrowserContext): Promise<NodeRpc> {
    const cookie = (await context.cookies(serve.origin)).map((c) => `${c.name}=${c.value}`).join('; ')
    const socket = new WebSocket(`ws://127.0.0.1:${serve.port}/rpc`, { headers: { Cookie: cookie, Origin: serve.origin } })
    await new Promise((resolve, reject) => {
      socket.once('open', resolve)
      socket.once('error', reject)
    })
    return new NodeRpc(socket)
  }

  call(method: string, args: unknown): Promise<RpcResult> {
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, resolve)
      this.socket.send(JSON.stringify({ id, method, args }))
    })
  }

  /** Calls and insists on success; returns the value. */
  async ok<T>(method: string, args: unknown): Promise<T> {
    const result = await this.call(method, args)
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
    return result.value as T
  }

  close(): void {
    this.socket.close()
  }
}
