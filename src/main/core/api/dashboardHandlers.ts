import type { HandlersFor } from '@shared/api'
import type { dashboardArgs } from '@shared/api/dashboard'
import type { CoreContext } from './CoreContext'

type DashboardMethod = keyof typeof dashboardArgs

export function dashboardHandlers(ctx: CoreContext) {
  return {
    // computedInMs is measured around the SQL only; bringing the index up to date is not the dashboard's cost.
    'dashboard.summary': (args) => {
      ctx.network.indexer.flushPending()
      return ctx.dashboard.summary(args)
    },
  } satisfies HandlersFor<DashboardMethod>
}
