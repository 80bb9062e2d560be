import type { HandlersFor } from '@shared/api'
import type { keepingInTouchArgs } from '@shared/api/keepingInTouch'
import { ApiError } from '@shared/errors'
import type { CoreContext } from './CoreContext'

type KeepingInTouchMethod = keyof typeof keepingInTouchArgs

function notBuiltYet(): never {
  throw new ApiError('internal', 'Not available yet.')
}

export function keepingInTouchHandlers(_ctx: CoreContext) {
  return {
    'keepingInTouch.overview': () => notBuiltYet(),
    'keepingInTouch.snooze': () => notBuiltYet(),
    'keepingInTouch.settings': () => notBuiltYet(),
    'keepingInTouch.setDefaultCadence': () => notBuiltYet(),
    'keepingInTouch.setTagCadence': () => notBuiltYet(),
  } satisfies HandlersFor<KeepingInTouchMethod>
}
