import type { HandlersFor } from '@shared/api'
import type { desktopArgs } from '@shared/api/desktop'
import { ApiError } from '@shared/errors'

type DesktopMethod = keyof typeof desktopArgs

const desktopOnly = (): never => {
  throw new ApiError('bad-request', 'Opening at login and app updates belong to the desktop app; in the browser there is nothing to set.')
}

/**
 * The Electron shell answers these itself (ElectronShell's shell methods); the core alone, as
 * serve runs it, refuses them, so every method of the contract has an answer in every shell.
 */
export function desktopHandlers(): HandlersFor<DesktopMethod> {
  return {
    'desktop.pageReady': desktopOnly,
    'desktop.preferences': desktopOnly,
    'desktop.setPreferences': desktopOnly,
    'updates.status': desktopOnly,
    'updates.check': desktopOnly,
    'updates.download': desktopOnly,
    'updates.restartAndInstall': desktopOnly,
  }
}
