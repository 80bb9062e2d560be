import type { ApiClient } from '@shared/api/ApiClient'
import type { SearchHit } from '@shared/api/notes'
import { useCallback } from 'react'
import { useLiveSearch, type LiveSearchState } from './useLiveSearch'

export type NoteSearchState = LiveSearchState<SearchHit>

/** Full-text search through notes.search, as the user types. */
export function useNoteSearch(query: string, limit = 20): NoteSearchState {
  return useLiveSearch(
    query,
    useCallback((api: ApiClient, text: string) => api.call('notes.search', { text, limit }), [limit]),
  )
}
