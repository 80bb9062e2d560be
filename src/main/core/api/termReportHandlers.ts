import type { HandlersFor } from '@shared/api'
import type { termReportArgs } from '@shared/api/termReport'
import type { CoreContext } from './CoreContext'

type TermReportMethod = keyof typeof termReportArgs

export function termReportHandlers(_ctx: CoreContext) {
  return {} satisfies HandlersFor<TermReportMethod>
}
