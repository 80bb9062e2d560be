import { randomUUID } from 'node:crypto'
import type { DocHandle } from '@automerge/automerge-repo'
import type { CircleDoc, CircleFile } from '@shared/spaces/CircleDoc'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import type { CoreContext } from '../api/CoreContext'
import { collection } from './circles/circleMaps'
import { changeSpace } from './spaceDocuments'

/**
 * Adding a resource to a project or a circle, as this device's author: what projects.addResource
 * and circles.addResource write, and what resources.shareToSpace writes before it records the
 * entry in the ledger. changeSpace refuses viewers and documents a newer app wrote.
 */
export async function addProjectResource(
  ctx: CoreContext,
  projectId: string,
  input: { title: string; url: string | null; note: string },
): Promise<{ handle: DocHandle<ProjectDoc>; resourceId: string }> {
  const resourceId = randomUUID()
  const handle = await changeSpace(ctx, 'project', projectId, (doc, author) => {
    doc.resources[resourceId] = { id: resourceId, title: input.title, url: input.url, note: input.note, addedBy: author.deviceId, addedAt: Date.now() }
  })
  return { handle, resourceId }
}

export async function addCircleResource(
  ctx: CoreContext,
  circleId: string,
  input: { title: string; url: string | null; file: CircleFile | null; howUsed: string },
): Promise<{ handle: DocHandle<CircleDoc>; resourceId: string }> {
  const resourceId = randomUUID()
  const handle = await changeSpace(ctx, 'circle', circleId, (doc, author) => {
    collection(doc, 'resources')[resourceId] = {
      id: resourceId,
      title: input.title,
      url: input.url,
      file: input.file,
      howUsed: input.howUsed,
      addedBy: author.deviceId,
      addedByName: author.name,
      addedAt: Date.now(),
    }
  })
  return { handle, resourceId }
}
