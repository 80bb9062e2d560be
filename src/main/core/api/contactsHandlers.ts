import type { HandlersFor } from '@shared/api'
import type { contactsArgs } from '@shared/api/contacts'
import { ApiError } from '@shared/errors'
import type { CoreContext } from './CoreContext'

type ContactsMethod = keyof typeof contactsArgs

function notBuiltYet(): never {
  throw new ApiError('internal', 'Not available yet.')
}

export function contactsHandlers(_ctx: CoreContext) {
  return {
    'contacts.create': () => notBuiltYet(),
    'contacts.update': () => notBuiltYet(),
    'contacts.get': () => notBuiltYet(),
    'contacts.list': () => notBuiltYet(),
    'contacts.tags': () => notBuiltYet(),
    'contacts.delete': () => notBuiltYet(),
    'contacts.restore': () => notBuiltYet(),
    'contacts.bulkUpdate': () => notBuiltYet(),
    'contacts.bulkDelete': () => notBuiltYet(),
  } satisfies HandlersFor<ContactsMethod>
}
