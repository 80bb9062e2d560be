import type { HandlersFor } from '@shared/api'
import type { FeedRow, feedsArgs } from '@shared/api/feeds'
import { ApiError } from '@shared/errors'
import { dayOf } from '@shared/network/keepingInTouch'
import { feedFields, type FeedFields } from '@shared/network/records'
import { comparable, decodeUpload, planOpmlImport, writeOpmlImport } from '../feeds/opml/importOpmlFile'
import { normaliseFeedUrl } from '../feeds/opml/normaliseFeedUrl'
import { writeOpml } from '../feeds/opml/writeOpml'
import { assertContactsExist, restoreRecord, softDelete } from '../network/recordOps'
import type { CoreContext } from './CoreContext'

type FeedsMethod = keyof typeof feedsArgs

export function feedsHandlers(ctx: CoreContext) {
  const { network, feeds, events } = ctx
  // Following is serialised, so two quick adds (or an add during an import) cannot both pass "already followed".
  let following: Promise<unknown> = Promise.resolve()
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = following.then(work, work)
    following = run.catch(() => undefined)
    return run
  }

  function rowOf(id: string): FeedRow {
    network.indexer.flushPending()
    const row = network.feeds.row(id)
    if (!row) throw new ApiError('not-found', 'This feed is not indexed yet; try again in a moment.')
    return row
  }

  function liveFeed(id: string): FeedRow {
    network.indexer.flushPending()
    const row = network.feeds.row(id)
    if (!row) throw new ApiError('not-found', 'This feed does not exist.')
    if (row.deleted) throw new ApiError('not-found', 'This feed was removed; restore it to fetch it again.')
    return row
  }

  function followedAs(url: string): FeedRow | undefined {
    network.indexer.flushPending()
    const same = network.feeds.liveTargets().find((feed) => comparable(feed.url) === url)
    return same && network.feeds.row(same.id)
  }

  const progress = (task: string) => (done: number, total: number) => events.emit('progress', { task, done, total })

  return {
    'feeds.list': ({ show }) => {
      network.indexer.flushPending()
      return { feeds: network.feeds.list(show) }
    },
    'feeds.add': (args) =>
      serially(async () => {
        const normalised = normaliseFeedUrl(args.url)
        if ('reason' in normalised) throw new ApiError('bad-request', `This feed cannot be followed: ${normalised.reason}.`)
        const already = followedAs(normalised.url)
        if (already) throw new ApiError('bad-request', `You already follow this feed ("${already.title}").`)
        if (args.contactId) assertContactsExist(network, [args.contactId])
        const fields = feedFields.safeParse({ ...args, url: normalised.url })
        if (!fields.success) throw new ApiError('bad-request', fields.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '))
        const record = await network.store.create('feed', fields.data)
        feeds.refreshInBackground({ id: record.id, url: record.url })
        return { feed: rowOf(record.id) }
      }),
    'feeds.update': async ({ id, patch }) => {
      const fields = patch as Partial<FeedFields>
      if (fields.contactId) assertContactsExist(network, [fields.contactId])
      await network.store.update('feed', id, fields)
      return { feed: rowOf(id) }
    },
    'feeds.remove': ({ id }) => softDelete(network, 'feed', [id]),
    'feeds.restore': ({ id }) =>
      serially(async () => {
        const other = followedAs(comparable(rowOf(id).url))
        if (other && other.id !== id) throw new ApiError('bad-request', `You follow this address again already ("${other.title}"); remove that one first.`)
        await restoreRecord(network, 'feed', id)
        return { feed: rowOf(id) }
      }),
    'feeds.refresh': async ({ id }) => {
      network.indexer.flushPending()
      const targets = id === undefined ? network.feeds.liveTargets() : [liveFeed(id)].map(({ id: feedId, url }) => ({ id: feedId, url }))
      return { results: await feeds.refreshAll(targets, progress('feeds.refresh')) }
    },
    'feeds.items': (query) => {
      network.indexer.flushPending()
      return network.feeds.items(query)
    },
    'feeds.item': ({ itemId }) => {
      network.indexer.flushPending()
      const found = network.feeds.item(itemId)
      if (!found) throw new ApiError('not-found', 'This item is no longer cached (each feed keeps its newest items) or its feed was removed.')
      // Remote images load only with the teacher's consent for this feed: without it they never reach the page.
      const blocks = found.allowImages ? found.blocks : found.blocks.filter((block) => block.type !== 'image')
      return { item: found.row, blocks, imagesAllowed: found.allowImages }
    },
    'feeds.importOpml': ({ base64 }) =>
      serially(async () => {
        const bytes = decodeUpload(base64)
        network.indexer.flushPending()
        const plan = planOpmlImport(bytes, network.feeds.liveTargets().map((feed) => feed.url))
        return writeOpmlImport(network, plan, progress('feeds.importOpml'))
      }),
    'feeds.exportOpml': () => {
      network.indexer.flushPending()
      const text = writeOpml({ title: 'Feeds followed in Staffroom', subscriptions: network.feeds.forExport() })
      return { fileName: `staffroom-feeds-${dayOf(Date.now())}.opml`, text }
    },
  } satisfies HandlersFor<FeedsMethod>
}
