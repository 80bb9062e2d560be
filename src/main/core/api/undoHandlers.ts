import type { HandlersFor } from '@shared/api'
import type { undoArgs } from '@shared/api/undo'
import { applyUndo } from '../network/recordOps'
import type { CoreContext } from './CoreContext'

type UndoMethod = keyof typeof undoArgs

export function undoHandlers(ctx: CoreContext) {
  return {
    'undo.apply': ({ undoToken }) => applyUndo(ctx.network, undoToken),
  } satisfies HandlersFor<UndoMethod>
}
