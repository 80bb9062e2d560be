import type { ApiClient } from '@shared/api/ApiClient'
import type { RpcResult } from '@shared/errors'
import { useEffect, useRef, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'

export interface IndexQueryState<T> {
  data: T | undefined
  /** True until the first answer arrives. */
  loading: boolean
  /** A reload is on its way while the last answer stays shown. */
  refreshing: boolean
  failed: boolean
  /** The core's message when the last request failed (the data of the last good answer stays). */
  error: string | null
  /** Loads again now (e.g. after a change this view made itself). */
  reload: () => void
}

/** Coalesces bursts of index events (an import, typing in a form elsewhere) into one refetch. */
const refreshDelayMs = 120

/**
 * Loads data from the index through RPC and reloads it when the core says the index changed for
 * one of `kinds`. Error envelopes are already shown as toasts by the API wrapper.
 */
export function useIndexQuery<T>(load: (api: ApiClient) => Promise<RpcResult<T>>, key: string, kinds: readonly string[]): IndexQueryState<T> {
  const api = useApi()
  const [state, setState] = useState<Omit<IndexQueryState<T>, 'reload'>>({ data: undefined, loading: true, refreshing: false, failed: false, error: null })
  const [revision, setRevision] = useState(0)
  const loadRef = useRef(load)
  loadRef.current = load
  const kindsKey = kinds.join(',')

  useEffect(() => {
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let generation = 0
    const watched = kindsKey.split(',')
    async function run() {
      const mine = ++generation
      setState((previous) => (previous.data === undefined || previous.refreshing ? previous : { ...previous, refreshing: true }))
      const result = await loadRef.current(api)
      if (cancelled || mine !== generation) return
      setState((previous) =>
        result.ok
          ? { data: result.value, loading: false, refreshing: false, failed: false, error: null }
          : { data: previous.data, loading: false, refreshing: false, failed: true, error: result.error.message },
      )
    }
    setState((previous) => ({ ...previous, loading: previous.data === undefined }))
    void run()
    const off = api.on('index.changed', (payload) => {
      if (!(payload.kinds as readonly string[]).some((kind) => watched.includes(kind))) return
      clearTimeout(timer)
      timer = setTimeout(() => void run(), refreshDelayMs)
    })
    return () => {
      cancelled = true
      clearTimeout(timer)
      off()
    }
  }, [api, key, kindsKey, revision])

  return { ...state, reload: () => setRevision((r) => r + 1) }
}
