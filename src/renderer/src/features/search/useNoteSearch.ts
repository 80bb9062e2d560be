import { useDebouncedValue } from '@mantine/hooks'
import type { SearchHit } from '@shared/api/notes'
import { limits } from '@shared/limits'
import { useEffect, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'

export const searchDebounceMs = 200

export interface NoteSearchState {
  hits: SearchHit[]
  /** The query these hits answer ('' before any search). */
  answered: string
  searching: boolean
}

/** Full-text search through notes.search, as the user types (debounced); refreshes when the index changes. */
export function useNoteSearch(query: string, limit = 20): NoteSearchState {
  const api = useApi()
  const [debounced] = useDebouncedValue(query.trim().slice(0, limits.searchQueryChars), searchDebounceMs)
  const [state, setState] = useState<NoteSearchState>({ hits: [], answered: '', searching: false })
  const [revision, setRevision] = useState(0)

  useEffect(() => api.on('index.changed', () => setRevision((r) => r + 1)), [api])

  useEffect(() => {
    if (!debounced) {
      setState({ hits: [], answered: '', searching: false })
      return
    }
    let cancelled = false
    setState((previous) => ({ ...previous, searching: true }))
    void api.call('notes.search', { text: debounced, limit }).then((result) => {
      if (cancelled) return
      setState({ hits: result.ok ? result.value.hits : [], answered: debounced, searching: false })
    })
    return () => {
      cancelled = true
    }
  }, [api, debounced, limit, revision])

  return state
}
