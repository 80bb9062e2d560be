import type { HandlersFor, JournalRow } from '@shared/api'
import type { journalArgs } from '@shared/api/journal'
import { ApiError } from '@shared/errors'
import type { JournalEntry, JournalFields } from '@shared/network/records'
import { normaliseTags } from '@shared/notes/tags'
import { assertContactsExist, restoreRecord, softDelete } from '../network/recordOps'
import type { CoreContext } from './CoreContext'

type JournalMethod = keyof typeof journalArgs

export function journalHandlers(ctx: CoreContext) {
  const { network } = ctx

  async function withRow(id: string): Promise<{ entry: JournalEntry; row: JournalRow }> {
    network.indexer.flushPending()
    const entry = await network.store.get('journal', id)
    const row = network.journal.row(id)
    if (!row) throw new ApiError('not-found', 'This journal entry is not indexed yet; try again in a moment.')
    return { entry, row }
  }

  function clean<T extends Partial<JournalFields>>(fields: T): T {
    if (fields.contactIds) assertContactsExist(network, [...new Set(fields.contactIds)])
    return fields.tags === undefined ? fields : { ...fields, tags: normaliseTags(fields.tags) }
  }

  return {
    'journal.create': async ({ fields }) => withRow((await network.store.create('journal', clean(fields))).id),
    'journal.update': async ({ id, patch }) => {
      await network.store.update('journal', id, clean(patch as Partial<JournalFields>))
      return withRow(id)
    },
    'journal.get': ({ id }) => withRow(id),
    'journal.list': (query) => {
      network.indexer.flushPending()
      return network.journal.list(query)
    },
    'journal.tags': () => {
      network.indexer.flushPending()
      return { tags: network.journal.tags() }
    },
    'journal.delete': ({ id }) => softDelete(network, 'journal', [id]),
    'journal.restore': async ({ id }) => {
      await restoreRecord(network, 'journal', id)
      return withRow(id)
    },
  } satisfies HandlersFor<JournalMethod>
}
