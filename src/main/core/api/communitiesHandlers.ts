import type { HandlersFor } from '@shared/api'
import type { communitiesArgs } from '@shared/api/communities'
import { ApiError } from '@shared/errors'
import type { CoreContext } from './CoreContext'

type CommunitiesMethod = keyof typeof communitiesArgs

function notBuiltYet(): never {
  throw new ApiError('internal', 'Not available yet.')
}

export function communitiesHandlers(_ctx: CoreContext) {
  return {
    'communities.create': () => notBuiltYet(),
    'communities.update': () => notBuiltYet(),
    'communities.get': () => notBuiltYet(),
    'communities.list': () => notBuiltYet(),
    'communities.delete': () => notBuiltYet(),
    'communities.restore': () => notBuiltYet(),
  } satisfies HandlersFor<CommunitiesMethod>
}
