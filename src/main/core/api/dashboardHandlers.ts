import type { HandlersFor } from '@shared/api'
import type { dashboardArgs } from '@shared/api/dashboard'
import { ApiError } from '@shared/errors'
import type { CoreContext } from './CoreContext'

type DashboardMethod = keyof typeof dashboardArgs

// Being built in this session (issue 6); replaced before it lands.
const notYet = (): never => {
  throw new ApiError('internal', 'Not built yet.')
}

export function dashboardHandlers(_ctx: CoreContext) {
  return {
    'dashboard.summary': notYet,
  } satisfies HandlersFor<DashboardMethod>
}
