import type { HandlersFor } from '@shared/api'
import type { eventsArgs } from '@shared/api/networkEvents'
import { ApiError } from '@shared/errors'
import type { CoreContext } from './CoreContext'

type EventsMethod = keyof typeof eventsArgs

function notBuiltYet(): never {
  throw new ApiError('internal', 'Not available yet.')
}

export function eventsHandlers(_ctx: CoreContext) {
  return {
    'events.create': () => notBuiltYet(),
    'events.update': () => notBuiltYet(),
    'events.get': () => notBuiltYet(),
    'events.list': () => notBuiltYet(),
    'events.setRsvp': () => notBuiltYet(),
    'events.setAttendees': () => notBuiltYet(),
    'events.delete': () => notBuiltYet(),
    'events.restore': () => notBuiltYet(),
  } satisfies HandlersFor<EventsMethod>
}
