import type { HandlersFor } from '@shared/api'
import type { projectHistoryArgs } from '@shared/api/projectHistory'
import type { CoreContext } from './CoreContext'

export function projectHistoryHandlers(_ctx: CoreContext) {
  return {} satisfies HandlersFor<keyof typeof projectHistoryArgs>
}
