import type { ApiClient } from '@shared/api/ApiClient'
import type { RpcResult } from '@shared/errors'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'

export const pageSize = 100

export type LoadPage<Row> = (api: ApiClient, page: { offset: number; limit: number }) => Promise<RpcResult<{ rows: Row[]; total: number }>>

export interface PagedRows<Row> {
  /** Rows by position; a missing entry is a row whose page has not arrived yet. */
  rowAt: (index: number) => Row | undefined
  total: number
  /** False until the first page answers (total is then known). */
  loaded: boolean
  /** Asks for the pages covering these positions (the virtual list calls it as the user scrolls). */
  ensure: (from: number, to: number) => void
}

/**
 * Rows of a long list, fetched a page at a time as they scroll into view. A new `key` (filter, sort)
 * or an index change of one of `kinds` drops the cache and reloads the pages in view.
 */
export function usePagedRows<Row>(load: LoadPage<Row>, key: string, kinds: readonly string[]): PagedRows<Row> {
  const api = useApi()
  const loadRef = useRef(load)
  loadRef.current = load
  const [pages, setPages] = useState<{ key: string; byPage: Map<number, Row[]>; total: number; loaded: boolean }>({
    key,
    byPage: new Map(),
    total: 0,
    loaded: false,
  })
  const requested = useRef(new Set<number>())
  /** The key the requested pages belong to; a page asked for under a new key starts a new cache. */
  const requestedKey = useRef<string | null>(null)
  const generation = useRef(0)
  const inView = useRef<[number, number]>([0, 0])

  const fetchPage = useCallback(
    (pageIndex: number, forKey: string) => {
      if (requestedKey.current !== forKey) {
        generation.current += 1
        requested.current = new Set()
        requestedKey.current = forKey
      }
      if (requested.current.has(pageIndex)) return
      requested.current.add(pageIndex)
      const mine = generation.current
      void loadRef.current(api, { offset: pageIndex * pageSize, limit: pageSize }).then((result) => {
        if (mine !== generation.current) return
        if (!result.ok) {
          requested.current.delete(pageIndex)
          setPages((previous) => ({ ...previous, loaded: true }))
          return
        }
        setPages((previous) => {
          const byPage = new Map(previous.key === forKey ? previous.byPage : [])
          byPage.set(pageIndex, result.value.rows)
          return { key: forKey, byPage, total: result.value.total, loaded: true }
        })
      })
    },
    [api],
  )

  /** Index changed: ask again for the pages in view, showing the old rows until they arrive. */
  const refresh = useCallback(
    (forKey: string) => {
      requestedKey.current = null
      const [from, to] = inView.current
      for (let page = Math.floor(from / pageSize); page <= Math.floor(to / pageSize); page++) fetchPage(page, forKey)
    },
    [fetchPage],
  )

  useEffect(() => {
    fetchPage(0, key)
  }, [key, fetchPage])

  const kindsKey = kinds.join(',')
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const watched = kindsKey.split(',')
    const off = api.on('index.changed', (payload) => {
      if (!(payload.kinds as readonly string[]).some((kind) => watched.includes(kind))) return
      clearTimeout(timer)
      timer = setTimeout(() => refresh(key), 120)
    })
    return () => {
      clearTimeout(timer)
      off()
    }
  }, [api, key, kindsKey, refresh])

  const current = pages.key === key ? pages : { byPage: new Map<number, Row[]>(), total: 0, loaded: false }
  return {
    rowAt: (index) => current.byPage.get(Math.floor(index / pageSize))?.[index % pageSize],
    total: current.total,
    loaded: current.loaded,
    ensure: (from, to) => {
      inView.current = [from, to]
      for (let page = Math.floor(from / pageSize); page <= Math.floor(to / pageSize); page++) fetchPage(page, key)
    },
  }
}
