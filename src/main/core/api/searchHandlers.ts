import type { HandlersFor } from '@shared/api'
import type { searchArgs } from '@shared/api/search'
import { ApiError } from '@shared/errors'
import type { CoreContext } from './CoreContext'

type SearchMethod = keyof typeof searchArgs

function notBuiltYet(): never {
  throw new ApiError('internal', 'Not available yet.')
}

export function searchHandlers(_ctx: CoreContext) {
  return {
    'search.all': () => notBuiltYet(),
  } satisfies HandlersFor<SearchMethod>
}
