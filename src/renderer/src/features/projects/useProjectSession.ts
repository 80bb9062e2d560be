import { getActorId } from '@automerge/automerge/slim'
import type { DocHandle } from '@automerge/automerge-repo'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import type { SpaceAuthor } from '@shared/spaces/SpaceCommon'
import { useEffect } from 'react'
import { useApi } from '../../platform/PlatformContext'

/** While a project is open, its unread count is reset at most this often as changes arrive. */
export const markSeenEveryMs = 5_000

/**
 * Names this renderer's Automerge actor in the document's `authors`, once per open, so history
 * can say who wrote each change made here. Not for viewers or newer-version documents: the page
 * never writes to those.
 */
export function useRegisterAuthor(handle: DocHandle<ProjectDoc> | undefined, me: SpaceAuthor | undefined, writable: boolean): void {
  const deviceId = me?.deviceId
  const name = me?.name
  useEffect(() => {
    if (!handle || !deviceId || !name || !writable) return
    const actor = getActorId(handle.doc())
    const known = handle.doc().authors?.[actor]
    if (known?.deviceId === deviceId && known.name === name) return
    handle.change((doc) => {
      if (typeof doc.authors !== 'object' || doc.authors === null) doc.authors = {}
      doc.authors[actor] = { deviceId, name }
    })
  }, [handle, deviceId, name, writable])
}

/**
 * Tells the core the project was seen: on open, then (throttled) while changes arrive, and on
 * leaving, so the shared spaces list counts only what came after.
 */
export function useMarkSeen(spaceId: string, handle: DocHandle<ProjectDoc> | undefined): void {
  const api = useApi()
  useEffect(() => {
    if (!handle) return
    let last = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const mark = () => {
      clearTimeout(timer)
      timer = undefined
      last = Date.now()
      void api.call('spaces.markSeen', { spaceId })
    }
    const changed = () => {
      if (timer) return
      timer = setTimeout(mark, Math.max(0, last + markSeenEveryMs - Date.now()))
    }
    mark()
    handle.on('change', changed)
    return () => {
      handle.off('change', changed)
      if (timer) mark()
      clearTimeout(timer)
    }
  }, [api, spaceId, handle])
}
