import { z } from 'zod'

/**
 * What only the desktop app (the Electron shell) does: opening at login, update checks and
 * installs. The shell answers these methods itself; the core alone (serve, the browser) refuses
 * them with a message that says they belong to the desktop app, and the page does not offer them
 * there (`usePlatform().shell`).
 */

export interface DesktopPreferences {
  /** Staffroom starts (hidden in the background on macOS) when the teacher logs in to the computer. */
  openAtLogin: boolean
  /** False where the OS gives no way to do it (then the switch is not shown). */
  openAtLoginSupported: boolean
  /** Opt-in: look for a new version at start and every few hours. Off until the teacher turns it on. */
  automaticUpdateChecks: boolean
  /** False in a development build (nothing to update), where the update controls are not shown. */
  updatesSupported: boolean
}

/**
 * Where the app is with an update. Nothing is downloaded without the teacher choosing to, and the
 * app never restarts on its own: 'downloaded' waits for `updates.restartAndInstall`.
 */
export type UpdateStatus =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'up-to-date'; version: string; checkedAt: number }
  | { state: 'available'; version: string; releaseName?: string; releaseNotes: string; releaseDate?: string }
  | { state: 'downloading'; version: string; releaseNotes: string; percent: number }
  | { state: 'downloaded'; version: string; releaseNotes: string }
  | { state: 'error'; message: string }
  | { state: 'unsupported'; reason: string }

export const desktopArgs = {
  /**
   * The page is up and listening for 'shell.open' (it calls this once it has subscribed). The links
   * and bundle files the shell was asked to open (at launch, or while the page was loading) wait for it.
   */
  'desktop.pageReady': z.object({}),
  'desktop.preferences': z.object({}),
  'desktop.setPreferences': z.object({ openAtLogin: z.boolean().optional(), automaticUpdateChecks: z.boolean().optional() }),
  'updates.status': z.object({}),
  /** Looks now, opted in or not: asking is consent. */
  'updates.check': z.object({}),
  /** Downloads the version 'available' names. */
  'updates.download': z.object({}),
  /** Quits, installs the downloaded version and starts it again; refused unless 'downloaded'. */
  'updates.restartAndInstall': z.object({}),
}

export interface DesktopResults {
  'desktop.pageReady': { listening: true }
  'desktop.preferences': DesktopPreferences
  'desktop.setPreferences': DesktopPreferences
  'updates.status': UpdateStatus
  'updates.check': UpdateStatus
  'updates.download': UpdateStatus
  'updates.restartAndInstall': { restarting: true }
}
