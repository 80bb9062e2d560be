import type { HandlersFor } from '@shared/api'
import type { termReportArgs } from '@shared/api/termReport'
import { ApiError } from '@shared/errors'
import { periodCheckIns } from '../termReport/periodCheckIns'
import { renderTermReport, termReportFileName } from '../termReport/renderTermReport'
import type { CoreContext } from './CoreContext'

type TermReportMethod = keyof typeof termReportArgs

/** The term report: the dashboard's summary and the period's check-ins as one printable page. */
export function termReportHandlers(ctx: CoreContext) {
  return {
    'termReport.html': async (period) => {
      ctx.network.indexer.flushPending()
      const summary = ctx.dashboard.summary(period)
      const { checkIns, leftOut } = await periodCheckIns(ctx.network.checkIns.db, ctx.network.store, period)
      const html = renderTermReport({ name: ctx.sync.deviceName, today: period.today, summary, checkIns, checkInsLeftOut: leftOut })
      return { fileName: termReportFileName(period.from, period.to, 'html'), html }
    },
    'termReport.pdf': () => {
      throw new ApiError('bad-request', 'Saving as PDF works in the desktop app. Here, use Print and choose “Save as PDF” as the printer.')
    },
  } satisfies HandlersFor<TermReportMethod>
}
