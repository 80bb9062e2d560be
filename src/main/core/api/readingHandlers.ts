import type { HandlersFor } from '@shared/api'
import type { readingArgs } from '@shared/api/reading'
import type { CoreContext } from './CoreContext'

type ReadingMethod = keyof typeof readingArgs

export function readingHandlers(_ctx: CoreContext) {
  return {} satisfies HandlersFor<ReadingMethod>
}
