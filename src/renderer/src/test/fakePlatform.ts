import { Repo } from '@automerge/automerge-repo'
import type { ApiClient } from '@shared/api/ApiClient'
import type { ApiEvents } from '@shared/api/events'
import type { ApiMethod, ApiResults } from '@shared/api/index'
import type { RpcResult } from '@shared/errors'
import { vi } from 'vitest'
import type { Platform } from '../platform/connect'

type Handlers = { [M in ApiMethod]?: (args: unknown) => RpcResult<ApiResults[M]> | Promise<RpcResult<ApiResults[M]>> }

export interface FakeApi extends ApiClient {
  calls: Array<{ method: string; args: unknown }>
  emit<E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]): void
}

/**
 * A fake of the RPC boundary only: components, hooks, the toast wrapper and the Repo stay real.
 * Methods without a handler answer with a not-found envelope, as the core would for an unknown id.
 */
export function createFakeApi(handlers: Handlers): FakeApi {
  const listeners = new Set<(event: string, payload: unknown) => void>()
  const calls: FakeApi['calls'] = []
  return {
    calls,
    call: vi.fn(async (method: ApiMethod, args: unknown) => {
      calls.push({ method, args })
      const handler = handlers[method]
      if (!handler) return { ok: false, error: { code: 'not-found', message: `No fake for ${method}` } }
      return handler(args)
    }) as ApiClient['call'],
    on: (event, listener) => {
      const wrapped = (name: string, payload: unknown) => {
        if (name === event) listener(payload as never)
      }
      listeners.add(wrapped)
      return () => listeners.delete(wrapped)
    },
    emit: (event, payload) => {
      for (const listener of listeners) listener(event, payload)
    },
  }
}

export function createFakePlatform(api: ApiClient, repo = new Repo({ network: [] })): Platform {
  return {
    shell: 'serve',
    api,
    repo,
    connection: { status: () => 'open', onStatus: () => () => undefined },
  }
}
