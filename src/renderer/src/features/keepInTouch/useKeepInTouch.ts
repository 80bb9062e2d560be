import { localDay } from '../network/dates'
import { useIndexQuery } from '../network/useIndexQuery'

/** Who is losing touch and which follow-ups are due today; shared by the view and the navbar badge. */
export function useKeepInTouchOverview(limit = 200) {
  const today = localDay()
  return useIndexQuery((api) => api.call('keepingInTouch.overview', { today, limit }), `${today}:${limit}`, ['contacts', 'interactions', 'settings'])
}
