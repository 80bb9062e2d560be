import type { RpcResult } from '../errors'
import type { ApiEventName, ApiEvents } from './events'
import type { ApiArgsIn, ApiMethod, ApiResults } from './index'

/** What the renderer (and tests) talk to: the same shape over Electron IPC and the serve WebSocket. */
export interface ApiTransport {
  invoke(method: string, args: unknown): Promise<RpcResult<unknown>>
  on(listener: (event: ApiEventName, payload: unknown) => void): () => void
}

export interface ApiClient {
  call<M extends ApiMethod>(method: M, args: ApiArgsIn<M>): Promise<RpcResult<ApiResults[M]>>
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void
}

export function createApiClient(transport: ApiTransport): ApiClient {
  return {
    call: async (method, args) => (await transport.invoke(method, args)) as never,
    on: (event, listener) =>
      transport.on((name, payload) => {
        if (name === event) listener(payload as never)
      }),
  }
}
