import type { HandlersFor } from '@shared/api'
import type { undoArgs } from '@shared/api/undo'
import { ApiError } from '@shared/errors'
import type { CoreContext } from './CoreContext'

type UndoMethod = keyof typeof undoArgs

function notBuiltYet(): never {
  throw new ApiError('internal', 'Not available yet.')
}

export function undoHandlers(_ctx: CoreContext) {
  return {
    'undo.apply': () => notBuiltYet(),
  } satisfies HandlersFor<UndoMethod>
}
