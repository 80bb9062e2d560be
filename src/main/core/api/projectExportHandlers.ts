import type { HandlersFor } from '@shared/api'
import type { projectExportArgs } from '@shared/api/projectExport'
import type { CoreContext } from './CoreContext'

export function projectExportHandlers(_ctx: CoreContext) {
  return {} satisfies HandlersFor<keyof typeof projectExportArgs>
}
