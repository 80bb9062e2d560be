import * as A from '@automerge/automerge'
import type { HandlersFor } from '@shared/api'
import type { projectHistoryArgs } from '@shared/api/projectHistory'
import { changesSince } from '../spaces/history/changesSince'
import { applyResolution, checkResolution, fieldConflicts } from '../spaces/history/fieldConflicts'
import { projectTimeline, type GroupingState } from '../spaces/history/projectTimeline'
import { applyVersion } from '../spaces/history/restoreVersion'
import { versionAt, viewAt } from '../spaces/history/versionAt'
import { changeSpace, findSpaceDocument } from '../spaces/spaceDocuments'
import type { CoreContext } from './CoreContext'

/** Reads come from any listed project; restore and resolve write through changeSpace, which refuses viewers. */
export function projectHistoryHandlers(ctx: CoreContext) {
  const doc = async (projectId: string) => (await findSpaceDocument(ctx, 'project', projectId)).doc()
  // Where grouping stopped per project, so refreshing an open timeline reads only the new changes.
  const timelines = new Map<string, { state?: GroupingState }>()
  const timelineMemo = (projectId: string) => {
    let memo = timelines.get(projectId)
    if (!memo) {
      if (timelines.size >= 20) timelines.delete(timelines.keys().next().value as string)
      memo = {}
      timelines.set(projectId, memo)
    }
    return memo
  }

  return {
    'projects.history': async ({ projectId, before, limit }) => projectTimeline(await doc(projectId), { before, limit }, timelineMemo(projectId)),

    'projects.version': async ({ projectId, heads }) => ({ version: versionAt(await doc(projectId), heads) }),

    'projects.changesSince': async ({ projectId, heads }) => ({ changes: changesSince(await doc(projectId), heads) }),

    'projects.restore': async ({ projectId, heads }) => {
      const version = viewAt(await doc(projectId), heads)
      const handle = await changeSpace(ctx, 'project', projectId, (draft) => applyVersion(draft, version))
      return { heads: A.getHeads(handle.doc()) }
    },

    'projects.conflicts': async ({ projectId }) => ({ conflicts: fieldConflicts(await doc(projectId)) }),

    'projects.resolveConflict': async ({ projectId, path, value }) => {
      // Checked inside the change, against the document as it is when the value is written.
      const handle = await changeSpace(ctx, 'project', projectId, (draft) => {
        checkResolution(draft, path, value)
        applyResolution(draft, path, value)
      })
      return { conflicts: fieldConflicts(handle.doc()) }
    },
  } satisfies HandlersFor<keyof typeof projectHistoryArgs>
}
