import type { ApiClient } from '@shared/api/ApiClient'
import type { RpcResult } from '@shared/errors'
import { useEffect, useRef, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'

export interface QueryState<T> {
  data: T | undefined
  /** True until the first answer arrives. */
  loading: boolean
  failed: boolean
}

/** Coalesces bursts of index events (e.g. typing a title) into one refetch. */
const refreshDelayMs = 120

/**
 * Loads data from the index through RPC and reloads it whenever the core says the notes index
 * changed. Error envelopes are already shown as toasts by the API wrapper.
 */
export function useNotesQuery<T>(load: (api: ApiClient) => Promise<RpcResult<T>>, key: string): QueryState<T> {
  const api = useApi()
  const [state, setState] = useState<QueryState<T>>({ data: undefined, loading: true, failed: false })
  const loadRef = useRef(load)
  loadRef.current = load

  useEffect(() => {
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let generation = 0
    async function run() {
      const mine = ++generation
      const result = await loadRef.current(api)
      if (cancelled || mine !== generation) return
      setState((previous) =>
        result.ok ? { data: result.value, loading: false, failed: false } : { data: previous.data, loading: false, failed: true },
      )
    }
    setState((previous) => ({ ...previous, loading: previous.data === undefined }))
    void run()
    const off = api.on('index.changed', (payload) => {
      if (!payload.kinds.includes('notes')) return
      clearTimeout(timer)
      timer = setTimeout(() => void run(), refreshDelayMs)
    })
    return () => {
      cancelled = true
      clearTimeout(timer)
      off()
    }
  }, [api, key])

  return state
}
