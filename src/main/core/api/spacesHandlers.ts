import type { HandlersFor } from '@shared/api'
import type { spacesArgs } from '@shared/api/spaces'
import type { CoreContext } from './CoreContext'

export function spacesHandlers(_ctx: CoreContext) {
  return {} satisfies HandlersFor<keyof typeof spacesArgs>
}
