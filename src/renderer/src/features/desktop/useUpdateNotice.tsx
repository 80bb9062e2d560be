import { Button, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useRef } from 'react'
import { parseRoute } from '../../app/route'
import { usePlatform } from '../../platform/PlatformContext'
import { desktopCard } from './desktopCardStore'

/**
 * Tells the teacher, wherever they are, that a new version is there (found by an automatic check,
 * or downloaded): a notice that stays until closed and leads to the Desktop app card. Once per
 * version, and not while the Devices screen (where the card says it) is open. Electron only.
 */
export function useUpdateNotice(): void {
  const { api, shell } = usePlatform()
  const noticed = useRef(new Set<string>())
  useEffect(() => {
    if (shell !== 'electron') return
    return api.on('updates.status', (status) => {
      if (status.state !== 'available' && status.state !== 'downloaded') return
      if (noticed.current.has(status.version)) return
      noticed.current.add(status.version)
      if (parseRoute(window.location.hash).section === 'devices') return
      const id = `update-${status.version}`
      notifications.show({
        id,
        title: status.state === 'available' ? `Staffroom ${status.version} is available` : `Staffroom ${status.version} is ready to install`,
        autoClose: false,
        message: (
          <Stack gap={6} align="flex-start">
            <Text size="sm">{status.state === 'available' ? 'See what is new and download it when it suits you.' : 'It is installed when you choose to restart.'}</Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => {
                notifications.hide(id)
                desktopCard.open()
              }}
            >
              Show the update
            </Button>
          </Stack>
        ),
      })
    })
  }, [api, shell])
}
