import type { AutomergeUrl, DocHandle } from '@automerge/automerge-repo'
import type { CoreContext } from '../api/CoreContext'
import type { SpaceDoc } from './spaceDocuments'

/** How long a list waits for a space that is not loaded yet before showing it as not here. */
export const spaceLoadWaitMs = 300

/**
 * A space's document if it is on this device: at once when already loaded, else after a short
 * wait, so one space still arriving from a member never holds up a whole list.
 */
export async function loadedSpace(ctx: CoreContext, url: AutomergeUrl, waitMs = spaceLoadWaitMs): Promise<DocHandle<SpaceDoc> | undefined> {
  const held = ctx.repo.handles[url.slice('automerge:'.length) as never] as DocHandle<SpaceDoc> | undefined
  if (held?.isReady()) return held
  const found = ctx.repo.find<SpaceDoc>(url).catch(() => undefined)
  return Promise.race([found, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), waitMs))])
}

/** A project's title or a circle's name, read defensively (a peer may write any shape). */
export function spaceTitle(doc: SpaceDoc): string {
  return String((doc.kind === 'project' ? doc.title : doc.name) ?? '').slice(0, 300)
}
