import { useDebouncedValue } from '@mantine/hooks'
import type { ApiClient } from '@shared/api/ApiClient'
import type { RpcResult } from '@shared/errors'
import { limits } from '@shared/limits'
import { useEffect, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'

export const searchDebounceMs = 200

export interface LiveSearchState<Hit> {
  hits: Hit[]
  /** The query these hits answer ('' before any search). */
  answered: string
  searching: boolean
}

/**
 * Runs `search` as the user types (debounced), drops answers to stale queries, and searches again
 * when the index changes. `search` must be stable (module-level or memoised).
 */
export function useLiveSearch<Hit>(
  query: string,
  search: (api: ApiClient, text: string) => Promise<RpcResult<{ hits: Hit[] }>>,
): LiveSearchState<Hit> {
  const api = useApi()
  const [debounced] = useDebouncedValue(query.trim().slice(0, limits.searchQueryChars), searchDebounceMs)
  const [state, setState] = useState<LiveSearchState<Hit>>({ hits: [], answered: '', searching: false })
  const [revision, setRevision] = useState(0)

  useEffect(() => api.on('index.changed', () => setRevision((r) => r + 1)), [api])

  useEffect(() => {
    if (!debounced) {
      setState({ hits: [], answered: '', searching: false })
      return
    }
    let cancelled = false
    setState((previous) => ({ ...previous, searching: true }))
    void search(api, debounced).then((result) => {
      if (cancelled) return
      setState({ hits: result.ok ? result.value.hits : [], answered: debounced, searching: false })
    })
    return () => {
      cancelled = true
    }
  }, [api, debounced, search, revision])

  return state
}
