import type { ApiHandlers } from '@shared/api'
import type { CoreContext } from './CoreContext'
import { notesHandlers } from './notesHandlers'
import { systemHandlers, type SystemInfoSource } from './systemHandlers'

/** Every method of the contract; a missing or mistyped handler is a compile error here. */
export function createHandlers(ctx: CoreContext, system: SystemInfoSource): ApiHandlers {
  return { ...notesHandlers(ctx), ...systemHandlers(system) } satisfies ApiHandlers
}
