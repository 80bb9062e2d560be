import { useDebouncedValue } from '@mantine/hooks'
import type { AnySearchHit } from '@shared/api/search'
import { limits } from '@shared/limits'
import { useEffect, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { searchDebounceMs } from './useNoteSearch'

export interface AnySearchState {
  hits: AnySearchHit[]
  /** The query these hits answer ('' before any search). */
  answered: string
  searching: boolean
}

/** Search across notes, contacts, interactions, communities, events, goals and journal (search.all), as the user types. */
export function useAnySearch(query: string, limitPerKind = 5): AnySearchState {
  const api = useApi()
  const [debounced] = useDebouncedValue(query.trim().slice(0, limits.searchQueryChars), searchDebounceMs)
  const [state, setState] = useState<AnySearchState>({ hits: [], answered: '', searching: false })
  const [revision, setRevision] = useState(0)

  useEffect(() => api.on('index.changed', () => setRevision((r) => r + 1)), [api])

  useEffect(() => {
    if (!debounced) {
      setState({ hits: [], answered: '', searching: false })
      return
    }
    let cancelled = false
    setState((previous) => ({ ...previous, searching: true }))
    void api.call('search.all', { text: debounced, limitPerKind }).then((result) => {
      if (cancelled) return
      setState({ hits: result.ok ? result.value.hits : [], answered: debounced, searching: false })
    })
    return () => {
      cancelled = true
    }
  }, [api, debounced, limitPerKind, revision])

  return state
}
