import type { AppUpdaterEvents } from 'electron-updater/out/AppUpdater'
import type { UpdateInfo } from 'electron-updater'

export type { ProgressInfo, UpdateDownloadedEvent, UpdateInfo } from 'electron-updater'

/** One version's notes, when `fullChangelog` makes releaseNotes a list (builder-util-runtime's ReleaseNoteInfo). */
export type ReleaseNoteInfo = Extract<NonNullable<UpdateInfo['releaseNotes']>, readonly unknown[]>[number]

/** The events of electron-updater's AppUpdater the update service listens to, typed as it emits them. */
export type UpdaterEvents = Pick<AppUpdaterEvents, 'checking-for-update' | 'update-available' | 'update-not-available' | 'download-progress' | 'update-downloaded' | 'error'>
export type UpdaterEventName = keyof UpdaterEvents

/**
 * The part of electron-updater's AppUpdater (its `autoUpdater`) the update service uses.
 * electronUpdaterPort.ts hands over the real one, which the compiler checks fits; tests use
 * testing/FakeUpdater.ts, an EventEmitter that behaves like it.
 */
export interface UpdaterPort {
  /** The service sets both false: nothing is downloaded or installed without the teacher choosing to. */
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  /** The running version. */
  readonly currentVersion: { readonly version: string }
  /** False where this copy cannot update itself (on Linux: not run as an AppImage, or a Snap). */
  isUpdaterActive(): boolean
  /**
   * Emits checking-for-update, then update-available or update-not-available, and resolves; on a
   * failure emits error and rejects. Resolves null when the updater is not active.
   */
  checkForUpdates(): Promise<{ readonly isUpdateAvailable: boolean; readonly updateInfo: UpdateInfo } | null>
  /** The version the last check found: download-progress as it goes, then update-downloaded; on a failure error and a rejection. */
  downloadUpdate(): Promise<unknown>
  /** Quits and installs the downloaded version; a failure is an error event (the app then keeps running). */
  quitAndInstall(): void
  on<E extends UpdaterEventName>(event: E, listener: UpdaterEvents[E]): unknown
}
