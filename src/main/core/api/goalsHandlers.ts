import type { HandlersFor } from '@shared/api'
import type { goalsArgs } from '@shared/api/goals'
import { ApiError } from '@shared/errors'
import type { CoreContext } from './CoreContext'

type GoalsMethod = keyof typeof goalsArgs

function notBuiltYet(): never {
  throw new ApiError('internal', 'Not available yet.')
}

export function goalsHandlers(_ctx: CoreContext) {
  return {
    'goals.create': () => notBuiltYet(),
    'goals.update': () => notBuiltYet(),
    'goals.get': () => notBuiltYet(),
    'goals.list': () => notBuiltYet(),
    'goals.delete': () => notBuiltYet(),
    'goals.restore': () => notBuiltYet(),
  } satisfies HandlersFor<GoalsMethod>
}
