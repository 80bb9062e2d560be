import type { HandlersFor } from '@shared/api'
import type { circlesArgs } from '@shared/api/circles'
import type { CoreContext } from './CoreContext'

export function circlesHandlers(_ctx: CoreContext) {
  return {} satisfies HandlersFor<keyof typeof circlesArgs>
}
