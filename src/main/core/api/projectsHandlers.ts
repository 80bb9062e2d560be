import type { HandlersFor } from '@shared/api'
import type { projectsArgs } from '@shared/api/projects'
import type { CoreContext } from './CoreContext'

export function projectsHandlers(_ctx: CoreContext) {
  return {} satisfies HandlersFor<keyof typeof projectsArgs>
}
