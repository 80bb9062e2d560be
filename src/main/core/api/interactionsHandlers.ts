import type { HandlersFor } from '@shared/api'
import type { interactionsArgs } from '@shared/api/interactions'
import { ApiError } from '@shared/errors'
import type { CoreContext } from './CoreContext'

type InteractionsMethod = keyof typeof interactionsArgs

function notBuiltYet(): never {
  throw new ApiError('internal', 'Not available yet.')
}

export function interactionsHandlers(_ctx: CoreContext) {
  return {
    'interactions.log': () => notBuiltYet(),
    'interactions.update': () => notBuiltYet(),
    'interactions.get': () => notBuiltYet(),
    'interactions.list': () => notBuiltYet(),
    'interactions.setFollowUpDone': () => notBuiltYet(),
    'interactions.delete': () => notBuiltYet(),
    'interactions.restore': () => notBuiltYet(),
  } satisfies HandlersFor<InteractionsMethod>
}
