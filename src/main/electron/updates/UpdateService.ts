import { apiArgs } from '@shared/api'
import type { DesktopResults, UpdateStatus } from '@shared/api/desktop'
import { ApiError, type RpcResult } from '@shared/errors'
import { unrefTimers, type DesktopTimers } from '../desktop/timers'
import type { ShellLog } from '../navigationGuard'
import { releaseNotesText } from './releaseNotesText'
import { rawUpdateError, updateErrorMessage } from './updateErrorMessage'
import type { UpdateInfo, UpdaterPort } from './UpdaterPort'

export interface UpdateServiceOptions {
  /** app.isPackaged: a development build has nothing to update, and the updater is never created. */
  isPackaged: boolean
  /** Called once, and only in a packaged app (reading electron-updater's autoUpdater builds the platform's updater). */
  createUpdater(): UpdaterPort
  /** Every change of status; the shell sends it to the page as 'updates.status'. */
  onStatus(status: UpdateStatus): void
  /**
   * Runs before quitAndInstall: the shell flushes and closes the core here, so its own before-quit
   * handler has nothing left to wait for and does not hold up the quit the updater starts.
   */
  beforeRestart(): Promise<void>
  /** The install failed after beforeRestart closed the core: the shell quits (the teacher's work is saved). */
  onRestartFailed(): void
  log: ShellLog
  timers?: DesktopTimers
  now?: () => number
  /** The first automatic check, after start (startup work is done by then). */
  firstCheckAfterMs?: number
  /** Then every this often, while automatic checks are on. */
  intervalMs?: number
}

export const developmentBuildReason = 'This is a development build of Staffroom; updates come with the installed app.'
export const cannotUpdateReason = 'This copy of Staffroom cannot update itself; get new versions where you got this one.'
export const restartFailedMessage = 'The update could not be installed. Staffroom will close now; your work is saved. Open it again to carry on.'

const defaultFirstCheckAfterMs = 30_000
const defaultIntervalMs = 6 * 60 * 60_000

type Offered = { version: string; releaseNotes: string }
export type UpdateMethod = 'updates.status' | 'updates.check' | 'updates.download' | 'updates.restartAndInstall'

/**
 * Updates through electron-updater, on the teacher's terms: a check happens when the teacher asks
 * (asking is consent) or, if they opted in, shortly after start and every 6 hours; a found version
 * is only downloaded when they choose to, and the app restarts into it only when they say so. The
 * service turns the updater's events into an UpdateStatus and reports every change. Failures become
 * a teacher-readable message in the status and the raw error in the log; an automatic check that
 * fails changes the status and nothing else.
 */
export class UpdateService {
  private readonly updater: UpdaterPort | undefined
  private readonly timers: DesktopTimers
  private readonly now: () => number
  private current: UpdateStatus = { state: 'idle' }
  private checking: Promise<UpdateStatus> | undefined
  private automatic = false
  private handle: unknown
  private restarting = false
  private stopped = false

  constructor(private readonly options: UpdateServiceOptions) {
    this.timers = options.timers ?? unrefTimers
    this.now = options.now ?? Date.now
    this.updater = this.openUpdater()
  }

  /** False in a development build and where this copy cannot update itself (DesktopPreferences.updatesSupported). */
  get supported(): boolean {
    return this.updater !== undefined
  }

  status(): UpdateStatus {
    return this.current
  }

  /** Looks for a new version now and resolves with what was found; joins a check already running. */
  check(): Promise<UpdateStatus> {
    if (!this.updater || this.stopped) return Promise.resolve(this.current)
    // Once a version is downloading or downloaded, looking again would only lose it.
    if (this.current.state === 'downloading' || this.current.state === 'downloaded') return Promise.resolve(this.current)
    this.checking ??= this.runCheck(this.updater).finally(() => (this.checking = undefined))
    return this.checking
  }

  /** Starts downloading the version a check found; progress and the end arrive as status changes. */
  download(): Promise<UpdateStatus> {
    const updater = this.updater
    const found = this.current
    if (!updater || this.stopped || found.state === 'downloading' || found.state === 'downloaded') return Promise.resolve(this.current)
    if (found.state !== 'available') return Promise.reject(new ApiError('bad-request', 'There is no new version to download; check for updates first.'))
    const offered = { version: found.version, releaseNotes: found.releaseNotes }
    this.set({ state: 'downloading', ...offered, percent: 0 })
    const download = (async () => updater.downloadUpdate())()
    download.then(
      () => {
        if (this.current.state === 'downloading') this.set({ state: 'downloaded', ...offered })
      },
      (error: unknown) => {
        if (this.current.state === 'downloading') this.fail(error)
      },
    )
    return Promise.resolve(this.current)
  }

  /**
   * Quits, installs the downloaded version and starts it: only from 'downloaded', and only when the
   * teacher asks. The shell's beforeRestart runs first so the core has flushed everything.
   */
  async restartAndInstall(): Promise<{ restarting: true }> {
    const updater = this.updater
    if (!updater) throw new ApiError('bad-request', this.current.state === 'unsupported' ? this.current.reason : cannotUpdateReason)
    if (this.restarting) return { restarting: true }
    const ready = this.current
    if (ready.state !== 'downloaded') throw new ApiError('bad-request', notReadyReason(ready))
    this.restarting = true
    try {
      await this.options.beforeRestart()
    } catch (error) {
      this.restarting = false
      this.options.log(`Did not restart for the update: saving first failed: ${rawUpdateError(error)}`)
      throw new ApiError('internal', 'Staffroom could not save everything before restarting, so it did not restart. Try again.')
    }
    this.options.log(`Restarting to install version ${ready.version}`)
    try {
      updater.quitAndInstall()
    } catch (error) {
      this.restartFailed(error)
    }
    return { restarting: true }
  }

  /** The teacher's opt-in: on, a check shortly after this and then every 6 hours; off, no more automatic checks. */
  setAutomaticChecks(on: boolean): void {
    if (!this.updater || this.stopped || on === this.automatic) return
    this.automatic = on
    if (on) this.schedule(this.options.firstCheckAfterMs ?? defaultFirstCheckAfterMs)
    else this.cancelTimer()
  }

  /** No more automatic checks and no more status reports (the app is quitting). */
  stop(): void {
    this.stopped = true
    this.automatic = false
    this.cancelTimer()
  }

  /** The four methods the shell answers itself (give them to registerRpcIpc's shellMethods). */
  shellMethods(): { [M in UpdateMethod]: (args: unknown) => Promise<RpcResult<DesktopResults[M]>> } {
    return {
      'updates.status': (args) => this.answer('updates.status', args, async () => this.status()),
      'updates.check': (args) => this.answer('updates.check', args, () => this.check()),
      'updates.download': (args) => this.answer('updates.download', args, () => this.download()),
      'updates.restartAndInstall': (args) => this.answer('updates.restartAndInstall', args, () => this.restartAndInstall()),
    }
  }

  private async answer<T>(method: UpdateMethod, args: unknown, run: () => Promise<T>): Promise<RpcResult<T>> {
    // registerRpcIpc hands shell methods the page's raw arguments.
    if (!apiArgs[method].safeParse(args ?? {}).success) return { ok: false, error: { code: 'bad-request', message: `${method} takes no arguments.` } }
    try {
      return { ok: true, value: await run() }
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: { code: error.code, message: error.message } }
      this.options.log(`${method} failed: ${rawUpdateError(error)}`)
      return { ok: false, error: { code: 'internal', message: updateErrorMessage(error) } }
    }
  }

  private openUpdater(): UpdaterPort | undefined {
    if (!this.options.isPackaged) {
      this.current = { state: 'unsupported', reason: developmentBuildReason }
      return undefined
    }
    let updater: UpdaterPort
    try {
      updater = this.options.createUpdater()
      // Nothing is downloaded, and nothing installed on quit, behind the teacher's back.
      updater.autoDownload = false
      updater.autoInstallOnAppQuit = false
      if (!updater.isUpdaterActive()) {
        this.current = { state: 'unsupported', reason: cannotUpdateReason }
        return undefined
      }
    } catch (error) {
      this.options.log(`Updates are off: the updater could not start: ${rawUpdateError(error)}`)
      this.current = { state: 'unsupported', reason: cannotUpdateReason }
      return undefined
    }
    this.listen(updater)
    return updater
  }

  private listen(updater: UpdaterPort): void {
    updater.on('checking-for-update', () => {
      if (this.current.state !== 'downloading' && this.current.state !== 'downloaded') this.set({ state: 'checking' })
    })
    updater.on('update-available', (info) => {
      if (this.current.state === 'checking') this.set(availableStatus(info))
    })
    updater.on('update-not-available', () => {
      if (this.current.state === 'checking') this.set(this.upToDate(updater))
    })
    updater.on('download-progress', (progress) => {
      if (this.current.state !== 'downloading') return
      const percent = Math.min(100, Math.max(0, Math.floor(Number.isFinite(progress.percent) ? progress.percent : 0)))
      this.set({ ...this.current, percent })
    })
    updater.on('update-downloaded', (info) => {
      const offered = this.offered()
      if (offered) this.set({ state: 'downloaded', version: info.version || offered.version, releaseNotes: offered.releaseNotes })
    })
    updater.on('error', (error) => {
      if (this.restarting) this.restartFailed(error)
      else this.fail(error)
    })
  }

  private async runCheck(updater: UpdaterPort): Promise<UpdateStatus> {
    this.set({ state: 'checking' })
    try {
      const result = await updater.checkForUpdates()
      // The events have normally settled it; the result covers an updater that answered without them.
      if (this.current.state === 'checking') {
        if (result === null) this.set({ state: 'unsupported', reason: cannotUpdateReason })
        else this.set(result.isUpdateAvailable ? availableStatus(result.updateInfo) : this.upToDate(updater))
      }
    } catch (error) {
      // The error event has normally reported it already.
      if (this.current.state === 'checking') this.fail(error)
    }
    return this.current
  }

  private upToDate(updater: UpdaterPort): UpdateStatus {
    return { state: 'up-to-date', version: updater.currentVersion.version, checkedAt: this.now() }
  }

  private offered(): Offered | undefined {
    const { current } = this
    return current.state === 'available' || current.state === 'downloading' ? { version: current.version, releaseNotes: current.releaseNotes } : undefined
  }

  private fail(error: unknown): void {
    if (this.stopped) return
    const during = this.current.state === 'checking' ? 'Update check failed' : this.current.state === 'downloading' ? 'Update download failed' : 'Updater error'
    this.options.log(`${during}: ${rawUpdateError(error)}`)
    this.set({ state: 'error', message: updateErrorMessage(error) })
  }

  private restartFailed(error: unknown): void {
    if (!this.restarting) return
    this.restarting = false
    this.options.log(`Could not install the update: ${rawUpdateError(error)}`)
    this.current = { state: 'error', message: restartFailedMessage }
    // The core is closed by now; the app cannot go on, so it quits rather than sit there unusable.
    this.options.onRestartFailed()
  }

  /** Automatic checks run only when there is nothing to lose: not over a found, downloading or downloaded version. */
  private schedule(ms: number): void {
    this.handle = this.timers.setTimeout(() => {
      this.handle = undefined
      const state = this.current.state
      const quiet = state === 'idle' || state === 'up-to-date' || state === 'error'
      void (quiet ? this.check() : Promise.resolve(this.current)).finally(() => {
        if (this.automatic && !this.stopped && this.handle === undefined) this.schedule(this.options.intervalMs ?? defaultIntervalMs)
      })
    }, ms)
  }

  private cancelTimer(): void {
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle)
    this.handle = undefined
  }

  private set(next: UpdateStatus): void {
    if (this.stopped || JSON.stringify(next) === JSON.stringify(this.current)) return
    this.current = next
    try {
      this.options.onStatus(next)
    } catch (error) {
      // Telling the page can fail (a window closing); the updater's own event must not fail with it.
      this.options.log(`Could not report the update status: ${rawUpdateError(error)}`)
    }
  }
}

function availableStatus(info: UpdateInfo): UpdateStatus {
  // The name and notes come from the network: plain text only, like the notes.
  const releaseName = info.releaseName ? releaseNotesText(info.releaseName).replace(/\s+/g, ' ').slice(0, 200) : ''
  return {
    state: 'available',
    version: info.version,
    ...(releaseName ? { releaseName } : {}),
    releaseNotes: releaseNotesText(info.releaseNotes),
    ...(info.releaseDate ? { releaseDate: info.releaseDate } : {}),
  }
}

function notReadyReason(status: UpdateStatus): string {
  if (status.state === 'available') return 'Download the new version first; Staffroom restarts into it once it is downloaded.'
  if (status.state === 'downloading') return 'The new version is still downloading; restart once it has finished.'
  return 'There is no downloaded update to install; check for updates first.'
}
