import type { HandlersFor, InteractionRow } from '@shared/api'
import type { interactionsArgs } from '@shared/api/interactions'
import { ApiError } from '@shared/errors'
import type { Interaction, InteractionFields } from '@shared/network/records'
import { assertContactsExist, restoreRecord, softDelete } from '../network/recordOps'
import type { CoreContext } from './CoreContext'

type InteractionsMethod = keyof typeof interactionsArgs

export function interactionsHandlers(ctx: CoreContext) {
  const { network } = ctx

  async function withRow(id: string): Promise<{ interaction: Interaction; row: InteractionRow }> {
    network.indexer.flushPending()
    const interaction = await network.store.get('interaction', id)
    const row = network.interactions.row(id)
    if (!row) throw new ApiError('not-found', 'This interaction is not indexed yet; try again in a moment.')
    return { interaction, row }
  }

  /** Links must name records this profile has. */
  async function checkLinks(fields: Partial<InteractionFields>): Promise<void> {
    if (fields.contactIds) assertContactsExist(network, [...new Set(fields.contactIds)])
    if (fields.communityId) await network.store.get('community', fields.communityId)
    if (fields.eventId) await network.store.get('event', fields.eventId)
  }

  return {
    'interactions.log': async ({ fields }) => {
      await checkLinks(fields)
      const interaction = await network.store.create('interaction', { ...fields, contactIds: [...new Set(fields.contactIds)] })
      return withRow(interaction.id)
    },

    'interactions.update': async ({ id, patch }) => {
      const fields = patch as Partial<InteractionFields>
      await checkLinks(fields)
      await network.store.update('interaction', id, fields.contactIds ? { ...fields, contactIds: [...new Set(fields.contactIds)] } : fields)
      return withRow(id)
    },

    'interactions.get': ({ id }) => withRow(id),

    'interactions.list': (query) => {
      network.indexer.flushPending()
      return network.interactions.list(query)
    },

    'interactions.setFollowUpDone': async ({ id, done }) => {
      await network.store.update('interaction', id, { followUpDone: done })
      return withRow(id)
    },

    'interactions.delete': ({ id }) => softDelete(network, 'interaction', [id]),

    'interactions.restore': async ({ id }) => {
      await restoreRecord(network, 'interaction', id)
      return withRow(id)
    },
  } satisfies HandlersFor<InteractionsMethod>
}
