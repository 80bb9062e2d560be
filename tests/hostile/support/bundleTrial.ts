import { isDeepStrictEqual } from 'node:util'
import type { BundleImportResult } from '@shared/api/bundles'
import { workspaceNotes } from '../../../src/main/core/workspace/openWorkspace'
import { unclearError, type FilesCore } from './filesCore'
import { changedDocuments, TrialViolation } from './importTrial'

/**
 * One bundle through bundles.import, as the UI sends it. Refused: a typed, human error and no
 * document changed or added. Imported: the document is in this profile under the bundle's id,
 * listed in the workspace, and no other document but it and the workspace changed.
 */
export async function bundleTrial(files: FilesCore, bytes: Uint8Array): Promise<string> {
  const before = await files.state()
  const answer = await files.dispatch('bundles.import', { base64: Buffer.from(bytes).toString('base64') })
  const after = await files.state()
  if (!answer.ok) {
    const why = unclearError(answer.error)
    if (why) throw new TrialViolation(`bundle: ${why}`)
    if (!isDeepStrictEqual(before, after)) throw new TrialViolation(`bundle: partial import: refused (${answer.error.message.slice(0, 200)}) yet documents changed: ${changedDocuments(before, after)}`)
    await files.assertResponsive()
    return `refused-${answer.error.code}`
  }
  const result = answer.value as BundleImportResult
  const { ctx } = files.internals
  if (workspaceNotes(ctx.workspace).get(result.documentId) !== result.url) throw new TrialViolation(`bundle: imported ${result.documentId} (${result.outcome}) but the workspace does not list it`)
  const allowed = new Set([result.documentId, ctx.workspace.documentId])
  const strays = Object.keys(after.heads).filter((id) => !allowed.has(id) && after.heads[id] !== before.heads[id])
  if (strays.length > 0) throw new TrialViolation(`bundle: importing ${result.documentId} also changed ${strays.join(', ')}`)
  await files.assertResponsive()
  return result.outcome
}
