import type { HandlersFor } from '@shared/api'
import type { feedsArgs } from '@shared/api/feeds'
import { ApiError } from '@shared/errors'
import type { CoreContext } from './CoreContext'

type FeedsMethod = keyof typeof feedsArgs

// Being built in this session (issue 6); replaced before it lands.
const notYet = (): never => {
  throw new ApiError('internal', 'Not built yet.')
}

export function feedsHandlers(_ctx: CoreContext) {
  return {
    'feeds.list': notYet,
    'feeds.add': notYet,
    'feeds.update': notYet,
    'feeds.remove': notYet,
    'feeds.restore': notYet,
    'feeds.refresh': notYet,
    'feeds.items': notYet,
    'feeds.item': notYet,
    'feeds.importOpml': notYet,
    'feeds.exportOpml': notYet,
  } satisfies HandlersFor<FeedsMethod>
}
