import type { SpaceSummary } from '@shared/api/spaces'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'

/**
 * A colleague's edits arrive through sync with no push event to the page (index.changed does not
 * cover spaces), so the open list asks again this often.
 */
export const spacesRefreshMs = 3_000

export interface SpacesState {
  spaces: SpaceSummary[] | undefined
  failed: boolean
  refresh: () => void
}

/** `spaces.list`, now and every few seconds while mounted; answers arriving out of order are dropped. */
export function useSpaces(includeArchived: boolean): SpacesState {
  const api = useApi()
  const [state, setState] = useState<{ key: boolean; spaces?: SpaceSummary[]; failed: boolean }>({ key: includeArchived, failed: false })
  const ask = useRef<() => void>(() => undefined)

  useEffect(() => {
    let live = true
    let generation = 0
    const load = () => {
      const mine = ++generation
      void api.call('spaces.list', { includeArchived }).then((result) => {
        if (!live || mine !== generation) return
        setState((previous) => (result.ok ? { key: includeArchived, spaces: result.value.spaces, failed: false } : { ...previous, failed: true }))
      })
    }
    ask.current = load
    load()
    const timer = setInterval(load, spacesRefreshMs)
    return () => {
      live = false
      clearInterval(timer)
      ask.current = () => undefined
    }
  }, [api, includeArchived])

  const refresh = useCallback(() => ask.current(), [])
  return { spaces: state.key === includeArchived ? state.spaces : undefined, failed: state.failed, refresh }
}
