import { notifications } from '@mantine/notifications'
import type { OpenTarget } from '@shared/api/events'
import { useEffect } from 'react'
import { pendingInvite } from '../features/devices/pendingInvite'
import { bundleDocumentRoute, bundleOutcomeText } from '../features/io/bundleOutcome'
import { usePlatform } from '../platform/PlatformContext'
import { navigate } from './route'

/**
 * Opens the place the desktop shell names in 'shell.open': a contact or the Keep in touch screen
 * (a reminder was clicked), the invite form filled in with an opened staffroom:// link (the
 * teacher still accepts), or a bundle file the shell has imported (opened here) or refused.
 * Once subscribed it tells the desktop shell, which holds what it was asked to open until then
 * (a link that started the app arrives before the page has connected).
 */
export function useShellOpen(): void {
  const { api, shell } = usePlatform()
  useEffect(() => {
    const unsubscribe = api.on('shell.open', ({ target }) => open(target))
    if (shell === 'electron') void api.call('desktop.pageReady', {})
    return unsubscribe
  }, [api, shell])
}

function open(target: OpenTarget) {
  switch (target.section) {
    case 'contacts':
      return navigate({ section: 'contacts', recordId: target.recordId })
    case 'keep-in-touch':
      return navigate({ section: 'keep-in-touch' })
    case 'accept-invite':
      pendingInvite.offer(target.code)
      return navigate({ section: 'devices' })
    case 'bundle-opened':
      notifications.show({ color: 'teal', autoClose: 8000, ...bundleOutcomeText(target.result, target.fileName) })
      return navigate(bundleDocumentRoute(target.result))
    case 'bundle-refused':
      return notifications.show({
        color: 'red',
        autoClose: false,
        title: `${target.fileName} was not imported`,
        message: `${target.message} Nothing was changed.`,
      })
  }
}
