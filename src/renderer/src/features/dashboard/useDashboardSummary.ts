import type { DashboardSummary } from '@shared/api/dashboard'
import type { IndexKind } from '@shared/api/events'
import { useEffect, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'

export interface DashboardState {
  summary: DashboardSummary | undefined
  /** A request is on its way (the first one, a new range, or a refresh after a change). */
  loading: boolean
  /** The core's message when the last request failed; the last good summary stays shown. */
  error: string | null
}

/** Everything the dashboard counts: notes and the feed cache are not among its figures. */
const countedKinds: readonly IndexKind[] = ['contacts', 'interactions', 'communities', 'events', 'goals', 'journal', 'resources', 'reading', 'checkins', 'settings']

/** Coalesces bursts of index events (an import, a form saving as you type) into one refetch. */
const refreshDelayMs = 250

/** The summary for from–to, loaded again whenever the core says something it counts changed. */
export function useDashboardSummary(from: string, to: string, today: string): DashboardState & { reload: () => void } {
  const api = useApi()
  const [state, setState] = useState<DashboardState>({ summary: undefined, loading: true, error: null })
  const [revision, setRevision] = useState(0)

  useEffect(() => {
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let generation = 0
    async function load() {
      const mine = ++generation
      setState((previous) => ({ ...previous, loading: true }))
      const result = await api.call('dashboard.summary', { from, to, today })
      // A newer request (range changed, another event) answers for what is on screen now.
      if (cancelled || mine !== generation) return
      setState((previous) => (result.ok ? { summary: result.value, loading: false, error: null } : { summary: previous.summary, loading: false, error: result.error.message }))
    }
    void load()
    const off = api.on('index.changed', (payload) => {
      if (!payload.kinds.some((kind) => countedKinds.includes(kind))) return
      clearTimeout(timer)
      timer = setTimeout(() => void load(), refreshDelayMs)
    })
    return () => {
      cancelled = true
      clearTimeout(timer)
      off()
    }
  }, [api, from, to, today, revision])

  return { ...state, reload: () => setRevision((value) => value + 1) }
}
