import { z } from 'zod'
import { limits } from '../limits'
import { communityFields, communityTypes, membershipStatuses, type Community } from '../network/records'
import { patchSchema } from '../network/patchSchema'
import type { InteractionRow } from './interactions'
import { deletedFilter, direction, page, recordId, type UndoReceipt } from './networkCommon'

export interface CommunityRow {
  id: string
  name: string
  type: Community['type']
  mode: Community['mode']
  platformOrPlace: string
  membership: Community['membership']
  role: string
  tags: string[]
  /** The engagement log in numbers: interactions tied to the community. */
  interactionCount: number
  lastInteractionOn: string | null
  deleted: boolean
  createdAt: number
  updatedAt: number
}

export interface CommunityDetail {
  community: Community
  row: CommunityRow
  /** The goals the community serves, by title. */
  goals: Array<{ id: string; title: string }>
  engagement: { total: number; recent: InteractionRow[] }
}

export const communitiesArgs = {
  'communities.create': z.object({ fields: communityFields }),
  'communities.update': z.object({ id: recordId, patch: patchSchema(communityFields) }),
  'communities.get': z.object({ id: recordId, recentInteractions: z.number().int().min(0).max(200).default(20) }),
  'communities.list': z.object({
    query: z.string().max(limits.searchQueryChars).optional(),
    type: z.enum(communityTypes).optional(),
    membership: z.enum(membershipStatuses).optional(),
    sort: z.enum(['name', 'lastActivity', 'created']).default('name'),
    direction: direction.default('asc'),
    show: deletedFilter,
    ...page,
  }),
  'communities.delete': z.object({ id: recordId }),
  'communities.restore': z.object({ id: recordId }),
}

export interface CommunitiesResults {
  'communities.create': CommunityDetail
  'communities.update': CommunityDetail
  'communities.get': CommunityDetail
  'communities.list': { rows: CommunityRow[]; total: number }
  'communities.delete': UndoReceipt
  'communities.restore': CommunityDetail
}
