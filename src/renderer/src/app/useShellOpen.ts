import { notifications } from '@mantine/notifications'
import type { BundleImportResult } from '@shared/api/bundles'
import type { OpenTarget } from '@shared/api/events'
import { useEffect } from 'react'
import { pendingInvite } from '../features/devices/pendingInvite'
import { displayTitle } from '../features/notes/useNoteActions'
import { spaceTitle } from '../features/spaces/spaceText'
import { usePlatform } from '../platform/PlatformContext'
import { navigate, type Route } from './route'

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
      notifications.show({ color: 'teal', autoClose: 8000, ...bundleOpenedText(target.fileName, target.result) })
      return navigate(documentRoute(target.result))
    case 'bundle-refused':
      return notifications.show({
        color: 'red',
        autoClose: false,
        title: `${target.fileName} was not imported`,
        message: `${target.message} Nothing was changed.`,
      })
  }
}

/** Worded as the Import and export screen's bundle panel words the same outcome. */
function bundleOpenedText(fileName: string, result: BundleImportResult): { title: string; message: string } {
  const title = documentTitle(result)
  if (result.outcome === 'merged') return { title: 'Merged into your copy', message: `“${title}” now holds the changes from ${fileName} too.` }
  const place = result.kind === 'note' ? 'your notes' : 'your shared spaces'
  return { title: `Added to ${place}`, message: `“${title}” from ${fileName} is now among ${place}.` }
}

function documentTitle(result: BundleImportResult): string {
  return result.kind === 'note' ? displayTitle(result.title) : spaceTitle({ title: result.title, kind: result.kind })
}

function documentRoute(result: BundleImportResult): Route {
  if (result.kind === 'project') return { section: 'projects', spaceId: result.documentId }
  if (result.kind === 'circle') return { section: 'circles', spaceId: result.documentId }
  return { section: 'all', noteId: result.documentId }
}
