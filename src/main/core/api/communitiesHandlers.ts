import type { CommunityDetail, HandlersFor } from '@shared/api'
import type { communitiesArgs } from '@shared/api/communities'
import { ApiError } from '@shared/errors'
import type { CommunityFields } from '@shared/network/records'
import { normaliseTags } from '@shared/notes/tags'
import { restoreRecord, softDelete } from '../network/recordOps'
import type { CoreContext } from './CoreContext'

type CommunitiesMethod = keyof typeof communitiesArgs

export function communitiesHandlers(ctx: CoreContext) {
  const { network } = ctx

  async function detail(id: string, recent = 20): Promise<CommunityDetail> {
    network.indexer.flushPending()
    const community = await network.store.get('community', id)
    const row = network.communities.row(id)
    if (!row) throw new ApiError('not-found', 'This community is not indexed yet; try again in a moment.')
    const goals = community.goalIds.flatMap((goalId) => {
      const goal = network.goals.row(goalId)
      return goal ? [{ id: goal.id, title: goal.title }] : []
    })
    const engagement = network.interactions.list({ communityId: id, direction: 'desc', show: 'live', limit: Math.max(recent, 1), offset: 0 })
    return { community, row, goals, engagement: { total: engagement.total, recent: engagement.rows.slice(0, recent) } }
  }

  const clean = <T extends Partial<CommunityFields>>(fields: T): T => (fields.tags === undefined ? fields : { ...fields, tags: normaliseTags(fields.tags) })

  return {
    'communities.create': async ({ fields }) => detail((await network.store.create('community', clean(fields))).id),
    'communities.update': async ({ id, patch }) => {
      await network.store.update('community', id, clean(patch as Partial<CommunityFields>))
      return detail(id)
    },
    'communities.get': ({ id, recentInteractions }) => detail(id, recentInteractions),
    'communities.list': (query) => {
      network.indexer.flushPending()
      return network.communities.list(query)
    },
    'communities.delete': ({ id }) => softDelete(network, 'community', [id]),
    'communities.restore': async ({ id }) => {
      await restoreRecord(network, 'community', id)
      return detail(id)
    },
  } satisfies HandlersFor<CommunitiesMethod>
}
