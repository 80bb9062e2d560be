import type { EventDetail, HandlersFor } from '@shared/api'
import type { eventsArgs } from '@shared/api/networkEvents'
import { ApiError } from '@shared/errors'
import type { EventFields } from '@shared/network/records'
import { normaliseTags } from '@shared/notes/tags'
import { assertContactsExist, restoreRecord, softDelete } from '../network/recordOps'
import type { CoreContext } from './CoreContext'

type EventsMethod = keyof typeof eventsArgs

export function eventsHandlers(ctx: CoreContext) {
  const { network } = ctx

  async function detail(id: string): Promise<EventDetail> {
    network.indexer.flushPending()
    const event = await network.store.get('event', id)
    const row = network.events.row(id)
    if (!row) throw new ApiError('not-found', 'This event is not indexed yet; try again in a moment.')
    const names = network.contacts.refs(event.attendeeIds)
    const attendees = event.attendeeIds.map((contactId) => names.get(contactId) ?? { id: contactId, name: '' })
    const { total } = network.interactions.list({ eventId: id, direction: 'desc', show: 'live', limit: 1, offset: 0 })
    return { event, row, attendees, interactionCount: total }
  }

  async function clean<T extends Partial<EventFields>>(fields: T): Promise<T> {
    if (fields.attendeeIds) assertContactsExist(network, [...new Set(fields.attendeeIds)])
    if (fields.communityId) await network.store.get('community', fields.communityId)
    return {
      ...fields,
      ...(fields.tags === undefined ? {} : { tags: normaliseTags(fields.tags) }),
      ...(fields.attendeeIds === undefined ? {} : { attendeeIds: [...new Set(fields.attendeeIds)] }),
    }
  }

  return {
    'events.create': async ({ fields }) => detail((await network.store.create('event', await clean(fields))).id),
    'events.update': async ({ id, patch }) => {
      await network.store.update('event', id, await clean(patch as Partial<EventFields>))
      return detail(id)
    },
    'events.get': ({ id }) => detail(id),
    'events.list': (query) => {
      network.indexer.flushPending()
      return network.events.list(query)
    },
    'events.setRsvp': async ({ id, rsvp }) => {
      await network.store.update('event', id, { rsvp })
      return detail(id)
    },
    'events.setAttendees': async ({ id, add, remove }) => {
      assertContactsExist(network, [...new Set(add)])
      const gone = new Set(remove)
      await network.store.updateMany('event', [id], (event) => ({
        attendeeIds: [...new Set([...event.attendeeIds.filter((a) => !gone.has(a)), ...add.filter((a) => !gone.has(a))])],
      }))
      return detail(id)
    },
    'events.delete': ({ id }) => softDelete(network, 'event', [id]),
    'events.restore': async ({ id }) => {
      await restoreRecord(network, 'event', id)
      return detail(id)
    },
  } satisfies HandlersFor<EventsMethod>
}
