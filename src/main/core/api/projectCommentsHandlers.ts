import type { HandlersFor } from '@shared/api'
import type { projectCommentsArgs } from '@shared/api/projectComments'
import type { CoreContext } from './CoreContext'

export function projectCommentsHandlers(_ctx: CoreContext) {
  return {} satisfies HandlersFor<keyof typeof projectCommentsArgs>
}
