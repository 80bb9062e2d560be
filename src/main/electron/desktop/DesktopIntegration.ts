import path from 'node:path'
import type { RpcResult } from '@shared/errors'
import { badgeFor, type DesktopBadge, type OverlayWindowApi } from './badges'
import { DesktopPreferencesStore } from './DesktopPreferencesStore'
import type { DesktopPorts, OverlayImage } from './desktopPorts'
import { DueBadge } from './DueBadge'
import type { LoginItems } from './LoginItems'
import { loginItemsFor, startedHidden } from './loginItemsFor'
import type { DesktopTimers } from './timers'
import type { WindowSizes } from './windowPlacement'
import { WindowStateKeeper, type TrackedWindowPort } from './WindowStateKeeper'

/** The main window as the desktop modules use it (a BrowserWindow has all of it). */
export type DesktopWindowPort = TrackedWindowPort & OverlayWindowApi<OverlayImage>

export interface DesktopIntegrationOptions {
  ports: DesktopPorts
  platform: NodeJS.Platform
  env: Record<string, string | undefined>
  homedir: string
  /** The executable (app.getPath('exe')). */
  execPath: string
  /** process.argv: `--hidden` there means the login item started this run. */
  argv: readonly string[]
  isPackaged: boolean
  /** <profile>/electron: window-state.json and desktop-preferences.json go here. */
  electronDir: string
  /** The main window's default and minimum sizes. */
  windowSizes: WindowSizes
  /** False in a development build. */
  updatesSupported: boolean
  log(message: string): void
  timers?: DesktopTimers
  now?: () => Date
  badgeIntervalMs?: number
}

/**
 * The desktop integrations the shell wires together: window place and size, opening at login
 * (and starting hidden when the login item started the app), the desktop preferences, and the
 * badge counting what is due in Keep in touch. Each part is its own module; this only holds them.
 */
export class DesktopIntegration {
  readonly loginItems: LoginItems
  readonly preferences: DesktopPreferencesStore
  readonly windowState: WindowStateKeeper
  /** The login item started this run: the shell keeps the window hidden until the teacher asks for it. */
  readonly startedHidden: boolean
  private readonly badge: DesktopBadge
  private window: DesktopWindowPort | undefined
  private dueBadge: DueBadge | undefined

  constructor(private readonly options: DesktopIntegrationOptions) {
    const { ports, platform, env, homedir, execPath, isPackaged, electronDir, log } = options
    this.loginItems = loginItemsFor(platform, { app: ports.loginItemSettings, isPackaged, execPath, env, homedir })
    this.preferences = new DesktopPreferencesStore({ file: path.join(electronDir, 'desktop-preferences.json'), loginItems: this.loginItems, updatesSupported: options.updatesSupported, log })
    this.windowState = new WindowStateKeeper({ file: path.join(electronDir, 'window-state.json'), sizes: options.windowSizes, displays: ports.displays, log, ...(options.timers ? { timers: options.timers } : {}) })
    this.startedHidden = startedHidden(options.argv, { platform, wasOpenedAtLogin: () => ports.loginItemSettings.getLoginItemSettings().wasOpenedAtLogin === true })
    this.badge = badgeFor(platform, { app: ports.appBadge, window: () => this.window, overlayImage: () => ports.overlayImage(), log })
  }

  /** x, y, width and height to spread over the main window's options. */
  windowBounds(): ReturnType<WindowStateKeeper['bounds']> {
    return this.windowState.bounds()
  }

  /** Call once the main window is created. */
  attachWindow(window: DesktopWindowPort): void {
    this.window = window
    this.windowState.manage(window)
  }

  /** Call just before each window.show(): maximizes as last time (once) and re-applies the Windows overlay badge. */
  beforeShow(): void {
    this.windowState.restore()
    this.badge.reapply()
  }

  /** Starts the due badge once the core is open. */
  startBadge(dispatch: (method: string, args: unknown) => Promise<RpcResult<unknown>>): void {
    const { log, timers, now, badgeIntervalMs } = this.options
    this.dueBadge = new DueBadge({ dispatch, badge: this.badge, log, ...(timers ? { timers } : {}), ...(now ? { now } : {}), ...(badgeIntervalMs ? { intervalMs: badgeIntervalMs } : {}) })
    this.dueBadge.start()
  }

  /** For core.onEvent: the badge counts again when what is due may have changed. */
  onCoreEvent(message: { event: string; payload: unknown }): void {
    this.dueBadge?.onCoreEvent(message)
  }

  stop(): void {
    this.dueBadge?.stop()
    this.windowState.stop()
  }
}
