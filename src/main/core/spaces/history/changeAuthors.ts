import type { ProjectDoc } from '@shared/spaces/ProjectDoc'

export const unknownAuthorName = 'Someone'

export interface ActorAuthor {
  /** The device that wrote with the actor, or the actor itself when no one registered it. */
  key: string
  name: string
}

/**
 * Names Automerge actors through the document's `authors` map, read defensively (a peer may write
 * any shape). An actor no one registered (an older client, a repair) is "Someone".
 */
export function actorAuthors(doc: Pick<ProjectDoc, 'authors'>): (actor: string) => ActorAuthor {
  const authors: unknown = doc.authors
  const cache = new Map<string, ActorAuthor>()
  return (actor) => {
    let found = cache.get(actor)
    if (!found) {
      const entry = typeof authors === 'object' && authors !== null ? (authors as Record<string, unknown>)[actor] : undefined
      const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {}
      const deviceId = typeof record.deviceId === 'string' ? record.deviceId : null
      const name = typeof record.name === 'string' && record.name.trim() ? record.name.trim().slice(0, 200) : unknownAuthorName
      found = { key: deviceId ? `device:${deviceId}` : `actor:${actor}`, name }
      cache.set(actor, found)
    }
    return found
  }
}

/** The actor of an operation id ("12@a1b2…"). */
export function actorOfOpId(opId: string): string {
  return opId.slice(opId.indexOf('@') + 1)
}
