import type { HandlersFor } from '@shared/api'
import type { journalArgs } from '@shared/api/journal'
import { ApiError } from '@shared/errors'
import type { CoreContext } from './CoreContext'

type JournalMethod = keyof typeof journalArgs

function notBuiltYet(): never {
  throw new ApiError('internal', 'Not available yet.')
}

export function journalHandlers(_ctx: CoreContext) {
  return {
    'journal.create': () => notBuiltYet(),
    'journal.update': () => notBuiltYet(),
    'journal.get': () => notBuiltYet(),
    'journal.list': () => notBuiltYet(),
    'journal.tags': () => notBuiltYet(),
    'journal.delete': () => notBuiltYet(),
    'journal.restore': () => notBuiltYet(),
  } satisfies HandlersFor<JournalMethod>
}
