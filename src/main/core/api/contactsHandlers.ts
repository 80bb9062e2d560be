import type { ContactDetail, HandlersFor } from '@shared/api'
import type { contactsArgs } from '@shared/api/contacts'
import { ApiError } from '@shared/errors'
import type { ContactFields } from '@shared/network/records'
import { normaliseTag, normaliseTags } from '@shared/notes/tags'
import { assertContactsExist, restoreRecord, softDelete, todayOr } from '../network/recordOps'
import type { CoreContext } from './CoreContext'

type ContactsMethod = keyof typeof contactsArgs

export function contactsHandlers(ctx: CoreContext) {
  const { network } = ctx

  async function detail(id: string, today?: string, recent = 20): Promise<ContactDetail> {
    network.indexer.flushPending()
    const contact = await network.store.get('contact', id)
    const row = network.contacts.row(id, todayOr(today))
    if (!row) throw new ApiError('not-found', 'This contact is not indexed yet; try again in a moment.')
    const interactions = network.interactions.list({ contactId: id, direction: 'desc', show: 'live', limit: Math.max(recent, 1), offset: 0 })
    return { contact, row, interactions: { total: interactions.total, recent: interactions.rows.slice(0, recent) } }
  }

  /** Normalised tags and checked links, whatever the caller sent. */
  function clean<T extends Partial<ContactFields>>(fields: T): T {
    const linked = [...(fields.metThroughId ? [fields.metThroughId] : []), ...(fields.relationships ?? []).map((r) => r.contactId)]
    if (linked.length > 0) assertContactsExist(network, linked)
    return fields.tags === undefined ? fields : { ...fields, tags: normaliseTags(fields.tags) }
  }

  return {
    'contacts.create': async ({ fields }) => {
      const contact = await network.store.create('contact', clean(fields))
      return detail(contact.id)
    },

    'contacts.update': async ({ id, patch }) => {
      await network.store.update('contact', id, clean(patch as Partial<ContactFields>))
      return detail(id)
    },

    'contacts.get': ({ id, today, recentInteractions }) => detail(id, today, recentInteractions),

    'contacts.list': ({ today, ...query }) => {
      network.indexer.flushPending()
      return network.contacts.list({ ...query, today: todayOr(today) })
    },

    'contacts.tags': () => {
      network.indexer.flushPending()
      return { tags: network.contacts.tags() }
    },

    'contacts.delete': ({ id }) => softDelete(network, 'contact', [id]),

    'contacts.restore': async ({ id }) => {
      await restoreRecord(network, 'contact', id)
      return detail(id)
    },

    'contacts.bulkUpdate': async ({ ids, addTags, removeTags, cadenceDays }) => {
      const add = normaliseTags(addTags ?? [])
      const remove = new Set((removeTags ?? []).map(normaliseTag))
      const changed = await network.store.updateMany('contact', ids, (contact) => ({
        ...(add.length > 0 || remove.size > 0 ? { tags: normaliseTags([...contact.tags.filter((t) => !remove.has(normaliseTag(t))), ...add]) } : {}),
        ...(cadenceDays !== undefined ? { cadenceDays } : {}),
      }))
      network.indexer.flushPending()
      return { undoToken: network.undo.record(changed.map(({ id, before }) => ({ kind: 'contact' as const, id, before }))), changed: changed.length }
    },

    'contacts.bulkDelete': ({ ids }) => softDelete(network, 'contact', ids),
  } satisfies HandlersFor<ContactsMethod>
}
