import type { ApiClient } from '@shared/api/ApiClient'
import type { AnySearchHit } from '@shared/api/search'
import { useCallback } from 'react'
import { useLiveSearch, type LiveSearchState } from './useLiveSearch'

export type AnySearchState = LiveSearchState<AnySearchHit>

/** Search across notes, contacts, interactions, communities, events, goals and journal (search.all), as the user types. */
export function useAnySearch(query: string, limitPerKind = 5): AnySearchState {
  return useLiveSearch(
    query,
    useCallback((api: ApiClient, text: string) => api.call('search.all', { text, limitPerKind }), [limitPerKind]),
  )
}
