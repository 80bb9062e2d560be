import { notifications } from '@mantine/notifications'
import { useEffect } from 'react'
import { useApi } from '../platform/PlatformContext'

const toastId = 'storage-status'

/**
 * Tells the user when the disk holding the profile is full ('storage.status' from the core): a
 * red notice that stays until there is room again, then a short green one saying the held
 * changes are saved. The core keeps retrying on its own; the user only has to free space.
 */
export function useStorageStatus(): void {
  const api = useApi()
  useEffect(
    () =>
      api.on('storage.status', ({ state, message }) => {
        notifications.hide(toastId)
        if (state === 'full') notifications.show({ id: toastId, color: 'red', title: 'Disk full', message, autoClose: false })
        else notifications.show({ id: `${toastId}-ok`, color: 'green', title: 'Saved', message, autoClose: 6000 })
      }),
    [api],
  )
}
