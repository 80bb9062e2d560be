import type { HandlersFor } from '@shared/api'
import type { resourcesArgs } from '@shared/api/resources'
import type { CoreContext } from './CoreContext'

type ResourcesMethod = keyof typeof resourcesArgs

export function resourcesHandlers(_ctx: CoreContext) {
  return {} satisfies HandlersFor<ResourcesMethod>
}
