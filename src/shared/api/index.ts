import type { z } from 'zod'
import { notesArgs, type NotesResults } from './notes'
import { systemArgs, type SystemResults } from './system'

export * from './notes'
export * from './system'
export * from './events'

/** The whole contract: every method's argument schema, composed from one map per domain. */
export const apiArgs = { ...notesArgs, ...systemArgs }

export type ApiMethod = keyof typeof apiArgs
export type ApiResults = NotesResults & SystemResults
/** What a caller passes (defaults may be left out). */
export type ApiArgsIn<M extends ApiMethod> = z.input<(typeof apiArgs)[M]>
/** What a handler receives (after validation and defaults). */
export type ApiArgs<M extends ApiMethod> = z.output<(typeof apiArgs)[M]>

/** A handler map for a subset of methods; the core's maps `satisfies` this. */
export type HandlersFor<M extends ApiMethod> = {
  [K in M]: (args: ApiArgs<K>) => Promise<ApiResults[K]> | ApiResults[K]
}
export type ApiHandlers = HandlersFor<ApiMethod>

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiArgs, name)
}

/** Wire messages (serve WebSocket; Electron IPC carries the same shapes). */
export interface RpcRequest {
  id: number
  method: string
  args: unknown
}
