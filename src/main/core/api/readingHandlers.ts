import type { HandlersFor, ReadingDetail } from '@shared/api'
import type { readingArgs } from '@shared/api/reading'
import { ApiError } from '@shared/errors'
import { readingFields, type ReadingFields } from '@shared/network/records'
import { normaliseTags } from '@shared/notes/tags'
import { readingStatusDates } from '../network/readingStatusDates'
import { restoreRecord, softDelete, todayOr } from '../network/recordOps'
import type { CoreContext } from './CoreContext'

type ReadingMethod = keyof typeof readingArgs

/** A feed item's id is its cache row's id (feed_items.rowid), as feeds.items gives it. */
const feedItemRowId = /^[1-9]\d{0,14}$/

export function readingHandlers(ctx: CoreContext) {
  const { network } = ctx

  async function detail(id: string): Promise<ReadingDetail> {
    network.indexer.flushPending()
    const item = await network.store.get('reading', id)
    const row = network.reading.row(id)
    if (!row) throw new ApiError('not-found', 'This reading item is not indexed yet; try again in a moment.')
    const goals = item.goalIds.flatMap((goalId) => {
      const goal = network.goals.row(goalId)
      return goal && !goal.deleted ? [{ id: goal.id, title: goal.title }] : []
    })
    return { item, row, goals }
  }

  const clean = <T extends Partial<ReadingFields>>(fields: T): T => (fields.tags === undefined ? fields : { ...fields, tags: normaliseTags(fields.tags) })

  async function fromFeedItem(itemId: string, today: string): Promise<ReadingDetail & { outcome: 'created' | 'existing' }> {
    if (!feedItemRowId.test(itemId)) throw new ApiError('bad-request', 'This is not the id of a feed item.')
    network.indexer.flushPending()
    const source = network.reading.feedItem(Number(itemId))
    if (!source) throw new ApiError('not-found', 'This feed item is no longer cached; refresh the feed and try again.')
    const link = readingFields.shape.url.safeParse(source.link)
    // A link the reading list cannot keep (not http/https, too long) is left out rather than refusing the item.
    const url = link.success ? link.data : null
    const title = (source.title.trim() || url || 'Untitled feed item').slice(0, 300)
    const existing = network.reading.fromFeed(source.feedId, url, title)
    if (existing) {
      if (existing.deleted) await restoreRecord(network, 'reading', existing.id)
      return { ...(await detail(existing.id)), outcome: 'existing' }
    }
    const fields = readingFields.parse({
      title,
      url,
      author: source.author.trim().slice(0, 200),
      source: source.feedTitle.trim().slice(0, 200),
      feedId: source.feedId,
      addedOn: today,
    })
    const created = await network.store.create('reading', fields)
    return { ...(await detail(created.id)), outcome: 'created' }
  }

  return {
    'reading.create': async ({ fields, today }) => {
      const day = todayOr(today)
      const dates = readingStatusDates(fields.status, { readOn: null, appliedOn: null }, fields, day)
      const created = await network.store.create('reading', clean({ ...fields, addedOn: fields.addedOn ?? day, ...dates }))
      return detail(created.id)
    },
    'reading.update': async ({ id, patch, today }) => {
      const changes = patch as Partial<ReadingFields>
      const current = await network.store.get('reading', id)
      const touchesDates = changes.status !== undefined || changes.readOn !== undefined || changes.appliedOn !== undefined
      const dates = touchesDates ? readingStatusDates(changes.status ?? current.status, current, changes, todayOr(today)) : {}
      await network.store.update('reading', id, clean({ ...changes, ...dates }))
      return detail(id)
    },
    'reading.get': ({ id }) => detail(id),
    'reading.list': (query) => {
      network.indexer.flushPending()
      return network.reading.list(query)
    },
    'reading.tags': () => {
      network.indexer.flushPending()
      return { tags: network.reading.tags() }
    },
    'reading.delete': ({ id }) => softDelete(network, 'reading', [id]),
    'reading.restore': async ({ id }) => {
      await restoreRecord(network, 'reading', id)
      return detail(id)
    },
    'reading.fromFeedItem': ({ itemId, today }) => fromFeedItem(itemId, todayOr(today)),
  } satisfies HandlersFor<ReadingMethod>
}
