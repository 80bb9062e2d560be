import type { DashboardSummary } from '@shared/api/dashboard'
import type { IndexKind } from '@shared/api/events'
import { useIndexQuery } from '../network/useIndexQuery'

export interface DashboardState {
  summary: DashboardSummary | undefined
  /** A request is on its way (the first one, a new range, or a refresh after a change). */
  loading: boolean
  /** The core's message when the last request failed; the last good summary stays shown. */
  error: string | null
  reload: () => void
}

/** Everything the dashboard counts: notes and the feed cache are not among its figures. */
const countedKinds: readonly IndexKind[] = ['contacts', 'interactions', 'communities', 'events', 'goals', 'journal', 'resources', 'reading', 'checkins', 'settings']

/** The summary for from–to, loaded again whenever the core says something it counts changed. */
export function useDashboardSummary(from: string, to: string, today: string): DashboardState {
  const query = useIndexQuery((api) => api.call('dashboard.summary', { from, to, today }), `${from}|${to}|${today}`, countedKinds)
  return { summary: query.data, loading: query.loading || query.refreshing, error: query.error, reload: query.reload }
}
