import type { DeviceDocumentStatus } from '@shared/api/sync'
import { useEffect, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'

/** There is no push event for sync progress, so an open shared note asks again this often. */
export const noteSyncRefreshMs = 3_000

/**
 * `sync.documentStatus` for one note, asked now and every few seconds while `enabled` (the note is
 * open and shared); nothing is asked while it is not. Answers arriving out of order are dropped.
 */
export function useNoteSyncStatus(noteId: string, enabled: boolean): DeviceDocumentStatus[] | undefined {
  const api = useApi()
  const [devices, setDevices] = useState<{ noteId: string; devices: DeviceDocumentStatus[] } | undefined>(undefined)

  useEffect(() => {
    if (!enabled) return
    let live = true
    let generation = 0
    const ask = () => {
      const mine = ++generation
      void api.call('sync.documentStatus', { documentIds: [noteId] }).then((result) => {
        if (!live || mine !== generation || !result.ok) return
        setDevices({ noteId, devices: result.value.documents.find((d) => d.documentId === noteId)?.devices ?? [] })
      })
    }
    ask()
    const timer = setInterval(ask, noteSyncRefreshMs)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [api, noteId, enabled])

  return enabled && devices?.noteId === noteId ? devices.devices : undefined
}
