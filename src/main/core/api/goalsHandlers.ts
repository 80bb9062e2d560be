import type { GoalDetail, HandlersFor } from '@shared/api'
import type { goalsArgs } from '@shared/api/goals'
import { ApiError } from '@shared/errors'
import type { GoalFields } from '@shared/network/records'
import { assertContactsExist, restoreRecord, softDelete } from '../network/recordOps'
import type { CoreContext } from './CoreContext'

type GoalsMethod = keyof typeof goalsArgs

export function goalsHandlers(ctx: CoreContext) {
  const { network } = ctx

  async function detail(id: string): Promise<GoalDetail> {
    network.indexer.flushPending()
    const goal = await network.store.get('goal', id)
    const row = network.goals.row(id)
    if (!row) throw new ApiError('not-found', 'This goal is not indexed yet; try again in a moment.')
    const names = network.contacts.refs(goal.contactIds)
    return {
      goal,
      row,
      contacts: goal.contactIds.map((contactId) => names.get(contactId) ?? { id: contactId, name: '' }),
      communities: network.communities.refs(goal.communityIds),
    }
  }

  function check(fields: Partial<GoalFields>): Partial<GoalFields> {
    if (fields.contactIds) assertContactsExist(network, [...new Set(fields.contactIds)])
    if (fields.startsOn && fields.deadline && fields.deadline < fields.startsOn) throw new ApiError('bad-request', 'deadline: The deadline is before the start.')
    return fields
  }

  return {
    'goals.create': async ({ fields }) => detail((await network.store.create('goal', check(fields) as GoalFields)).id),
    'goals.update': async ({ id, patch }) => {
      await network.store.update('goal', id, check(patch as Partial<GoalFields>))
      return detail(id)
    },
    'goals.get': ({ id }) => detail(id),
    'goals.list': (query) => {
      network.indexer.flushPending()
      return network.goals.list(query)
    },
    'goals.delete': ({ id }) => softDelete(network, 'goal', [id]),
    'goals.restore': async ({ id }) => {
      await restoreRecord(network, 'goal', id)
      return detail(id)
    },
  } satisfies HandlersFor<GoalsMethod>
}
