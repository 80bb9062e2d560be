import { useEffect } from 'react'
import { useApi } from '../platform/PlatformContext'
import { navigate } from './route'

/**
 * Opens the place the desktop shell names in 'shell.open' (the user clicked a reminder
 * notification): a contact, or the Keep in touch screen.
 */
export function useShellOpen(): void {
  const api = useApi()
  useEffect(
    () =>
      api.on('shell.open', ({ target }) => {
        if (target.section === 'contacts') navigate({ section: 'contacts', recordId: target.recordId })
        else navigate({ section: 'keep-in-touch' })
      }),
    [api],
  )
}
