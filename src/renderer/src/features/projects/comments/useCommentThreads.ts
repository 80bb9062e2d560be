import type { DocHandle } from '@automerge/automerge-repo'
import type { CommentThreadView } from '@shared/api/projectComments'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useApi } from '../../../platform/PlatformContext'

/** How long the document must be quiet before the threads are fetched again (typing changes it constantly). */
export const commentsRefreshDelayMs = 300
/** ...but while a colleague types without pause, fetch at least this often, so new comments still show. */
export const commentsRefreshMaxWaitMs = 2_000

/**
 * A project's comment threads (resolved ones too; the panel filters), fetched again a moment
 * after the project's document changes, here or on a colleague's device, since ranges move with
 * the text and comments arrive through sync.
 */
export function useCommentThreads(projectId: string, handle: DocHandle<unknown>) {
  const api = useApi()
  const [threads, setThreads] = useState<CommentThreadView[] | null>(null)
  const [canComment, setCanComment] = useState(true)
  const latest = useRef(0)

  const refresh = useCallback(async () => {
    const request = ++latest.current
    const result = await api.call('projects.comments', { projectId, includeResolved: true })
    // An answer to an older request must not overwrite a newer one.
    if (!result.ok || request !== latest.current) return
    setThreads(result.value.threads)
    setCanComment(result.value.canComment)
  }, [api, projectId])

  useEffect(() => {
    const requests = latest
    void refresh()
    let timer: ReturnType<typeof setTimeout> | undefined
    let pendingSince: number | null = null
    const onChange = () => {
      const now = Date.now()
      pendingSince ??= now
      clearTimeout(timer)
      const wait = Math.max(0, Math.min(commentsRefreshDelayMs, pendingSince + commentsRefreshMaxWaitMs - now))
      timer = setTimeout(() => {
        pendingSince = null
        void refresh()
      }, wait)
    }
    handle.on('change', onChange)
    return () => {
      clearTimeout(timer)
      handle.off('change', onChange)
      // Answers still on their way are for a project no longer shown.
      requests.current++
    }
  }, [handle, refresh])

  return { threads, canComment, refresh }
}
