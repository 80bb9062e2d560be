import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { refreshSummary } from './feedText'

export interface RefreshProgress {
  done: number
  total: number
}

/** Refreshing one feed or all of them, with the core's progress for "all". */
export function useFeedRefresh(onRefreshed: () => void) {
  const api = useApi()
  /** 'all', one feed's id, or null when idle. */
  const [running, setRunning] = useState<string | null>(null)
  const [progress, setProgress] = useState<RefreshProgress | null>(null)

  useEffect(
    () =>
      api.on('progress', (event) => {
        if (event.task === 'feeds.refresh') setProgress({ done: event.done, total: event.total })
      }),
    [api],
  )

  async function refresh(feedId?: string) {
    setRunning(feedId ?? 'all')
    setProgress(null)
    try {
      const result = await api.call('feeds.refresh', feedId ? { id: feedId } : {})
      if (!result.ok) return
      // One feed's error shows on its row; "all" also gets a summary, since most rows may be out of sight.
      if (!feedId) notifications.show({ color: 'green', message: refreshSummary(result.value.results), autoClose: 5000 })
    } finally {
      setRunning(null)
      setProgress(null)
      onRefreshed()
    }
  }

  return { running, progress, refresh }
}
