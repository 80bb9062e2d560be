import type { UpdateStatus } from '@shared/api/desktop'
import { useCallback, useEffect, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'

export interface UpdateActions {
  /** Null until the shell has said where it is. */
  status: UpdateStatus | null
  /** A call is on its way: its button shows a spinner and the others wait. */
  busy: 'check' | 'download' | 'restart' | null
  check: () => Promise<void>
  download: () => Promise<void>
  restartAndInstall: () => Promise<void>
}

/**
 * The desktop app's update status: asked for once, then kept current by 'updates.status' events
 * (progress, a finished automatic check). A call's own answer is shown too, in case it arrives
 * without an event; a failed call leaves the status as it was and shows the usual error toast.
 */
export function useUpdateStatus(): UpdateActions {
  const api = useApi()
  const [status, setStatus] = useState<UpdateStatus | null>(null)
  const [busy, setBusy] = useState<UpdateActions['busy']>(null)

  useEffect(() => {
    let live = true
    const off = api.on('updates.status', (next) => setStatus(next))
    void api.call('updates.status', {}).then((result) => {
      // An event that came first is newer than this answer.
      if (live && result.ok) setStatus((current) => current ?? result.value)
    })
    return () => {
      live = false
      off()
    }
  }, [api])

  const check = useCallback(async () => {
    setBusy('check')
    const result = await api.call('updates.check', {})
    setBusy(null)
    if (result.ok) setStatus(result.value)
  }, [api])

  const download = useCallback(async () => {
    setBusy('download')
    const result = await api.call('updates.download', {})
    setBusy(null)
    if (result.ok) setStatus(result.value)
  }, [api])

  const restartAndInstall = useCallback(async () => {
    setBusy('restart')
    const result = await api.call('updates.restartAndInstall', {})
    // On success the app is closing; the spinner stays until it does.
    if (!result.ok) setBusy(null)
  }, [api])

  return { status, busy, check, download, restartAndInstall }
}
