import { EventEmitter } from 'node:events'
import type { UpdateInfo, UpdaterPort } from '../UpdaterPort'

interface Deferred<T> {
  resolve(value: T): void
  reject(error: unknown): void
}

function deferred<T>(): { promise: Promise<T>; settle: Deferred<T> } {
  let settle!: Deferred<T>
  const promise = new Promise<T>((resolve, reject) => (settle = { resolve, reject }))
  return { promise, settle }
}

/** An UpdateInfo as a feed's latest.yml gives it. */
export function updateInfo(version: string, extra: Partial<UpdateInfo> = {}): UpdateInfo {
  return { version, files: [], path: `Staffroom-${version}.exe`, sha512: 'c2hh', releaseDate: '2026-11-30T09:00:00.000Z', ...extra }
}

/** An error as electron-updater and Node raise them: a message and a code. */
export function updaterError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {})
}

/**
 * A stand-in for electron-updater's AppUpdater: an EventEmitter that emits the same events with the
 * same arguments, in the same order, as AppUpdater does (read from its source): checkForUpdates
 * emits checking-for-update at once, then update-available or update-not-available and resolves,
 * or emits error(error, message) and rejects; downloadUpdate refuses without a found version,
 * reports progress, then update-downloaded, or error and a rejection; quitAndInstall emits error
 * (synchronously) when installing fails. The test decides when a check or download ends.
 */
export class FakeUpdater extends EventEmitter implements UpdaterPort {
  autoDownload = true
  autoInstallOnAppQuit = true
  readonly currentVersion = { version: '1.0.0' }
  active = true
  checks = 0
  downloads = 0
  installs = 0
  /** quitAndInstall fails with this (as BaseUpdater.install does when the installer cannot start). */
  installError: Error | undefined
  private pendingCheck: Deferred<{ isUpdateAvailable: boolean; updateInfo: UpdateInfo } | null> | undefined
  private pendingDownload: Deferred<string[]> | undefined
  private found: UpdateInfo | undefined

  isUpdaterActive(): boolean {
    return this.active
  }

  get checkRunning(): boolean {
    return this.pendingCheck !== undefined
  }

  get downloadRunning(): boolean {
    return this.pendingDownload !== undefined
  }

  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: UpdateInfo } | null> {
    if (!this.active) return Promise.resolve(null)
    if (this.pendingCheck) throw new Error('FakeUpdater: the service started a second check while one was running')
    this.checks++
    const { promise, settle } = deferred<{ isUpdateAvailable: boolean; updateInfo: UpdateInfo } | null>()
    this.pendingCheck = settle
    this.emit('checking-for-update')
    return promise
  }

  /** The feed names a newer version. */
  answerNewVersion(info: UpdateInfo): void {
    const check = this.takeCheck()
    this.found = info
    this.emit('update-available', info)
    check.resolve({ isUpdateAvailable: true, updateInfo: info })
  }

  /** The feed's latest version is the one running. */
  answerUpToDate(info: UpdateInfo = updateInfo(this.currentVersion.version)): void {
    const check = this.takeCheck()
    this.emit('update-not-available', info)
    check.resolve({ isUpdateAvailable: false, updateInfo: info })
  }

  failCheck(error: Error): void {
    const check = this.takeCheck()
    this.emit('error', error, `Cannot check for updates: ${error.stack ?? error}`)
    check.reject(error)
  }

  downloadUpdate(): Promise<string[]> {
    if (!this.found) {
      const error = new Error('Please check update first')
      this.emit('error', error, error.stack)
      return Promise.reject(error)
    }
    if (this.pendingDownload) throw new Error('FakeUpdater: the service started a second download while one was running')
    this.downloads++
    const { promise, settle } = deferred<string[]>()
    this.pendingDownload = settle
    return promise
  }

  progress(percent: number): void {
    if (!this.pendingDownload) throw new Error('FakeUpdater: no download is running')
    this.emit('download-progress', { total: 100_000_000, delta: 1_000_000, transferred: percent * 1_000_000, percent, bytesPerSecond: 2_000_000 })
  }

  finishDownload(): void {
    const download = this.takeDownload()
    const info = this.found as UpdateInfo
    this.emit('update-downloaded', { ...info, downloadedFile: `/cache/staffroom-updater/pending/Staffroom-${info.version}.exe` })
    download.resolve([`/cache/staffroom-updater/pending/Staffroom-${info.version}.exe`])
  }

  failDownload(error: Error): void {
    const download = this.takeDownload()
    this.emit('error', error, error.stack)
    download.reject(error)
  }

  quitAndInstall(): void {
    this.installs++
    if (this.installError) this.emit('error', this.installError, this.installError.stack)
  }

  private takeCheck(): Deferred<{ isUpdateAvailable: boolean; updateInfo: UpdateInfo } | null> {
    const check = this.pendingCheck
    if (!check) throw new Error('FakeUpdater: no check is running')
    this.pendingCheck = undefined
    return check
  }

  private takeDownload(): Deferred<string[]> {
    const download = this.pendingDownload
    if (!download) throw new Error('FakeUpdater: no download is running')
    this.pendingDownload = undefined
    return download
  }
}
