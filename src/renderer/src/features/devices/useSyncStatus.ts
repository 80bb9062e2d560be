import type { SyncStatusView } from '@shared/api/sync'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'

/** Peers come and go without a push event, so the screen asks again this often while it is open. */
export const syncStatusRefreshMs = 3_000

export interface SyncStatusState {
  status: SyncStatusView | undefined
  loading: boolean
  failed: boolean
  /** Asks now (after a change made here), without waiting for the next tick. */
  refresh: () => void
}

/** `sync.status`, refreshed every few seconds while mounted; answers arriving out of order are dropped. */
export function useSyncStatus(): SyncStatusState {
  const api = useApi()
  const [state, setState] = useState<{ status?: SyncStatusView; loading: boolean; failed: boolean }>({ loading: true, failed: false })
  const load = useRef<() => void>(() => undefined)

  useEffect(() => {
    let live = true
    let generation = 0
    const ask = () => {
      const mine = ++generation
      void api.call('sync.status', {}).then((result) => {
        if (!live || mine !== generation) return
        setState((previous) => (result.ok ? { status: result.value, loading: false, failed: false } : { ...previous, loading: false, failed: true }))
      })
    }
    load.current = ask
    ask()
    const timer = setInterval(ask, syncStatusRefreshMs)
    return () => {
      live = false
      clearInterval(timer)
      load.current = () => undefined
    }
  }, [api])

  const refresh = useCallback(() => load.current(), [])
  return { status: state.status, loading: state.loading, failed: state.failed, refresh }
}
