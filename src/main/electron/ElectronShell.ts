import path from 'node:path'
import type { Core, CoreOptions } from '../core/Core'
import { defaultProfileDir } from '../serve/profileDir'
import { AppOrigin, type RendererSource } from './AppOrigin'
import { buildAppMenu, menuCommandEvent, type MenuCommand } from './appMenu'
import { installContentSecurityPolicy, restrictPermissions } from './contentSecurityPolicy'
import { IpcSenderCheck } from './IpcSenderCheck'
import { keychainSecretBox } from './keychainSecretBox'
import { startSync } from '../core/sync/startSync'
import { chooseNativeBinding } from './nativeBinding'
import { guardWebContents, type ShellLog } from './navigationGuard'
import { PdfPrinter } from './PdfPrinter'
import type { ElectronPorts, WindowPort } from './ports'
import { exportProjectPdf } from './projectPdf'
import { exportTermReportPdf } from './termReportPdf'
import { ReminderNotifier, type ReminderNotifierOptions } from './ReminderNotifier'
import { RendererRepoBridge } from './RendererRepoBridge'
import { shownRemindersFile } from './shownRemindersFile'
import { installRendererProtocol, registerAppScheme } from './rendererProtocol'
import { forwardCoreEvents, registerRpcIpc } from './rpcIpc'
import { createMainWindowOptions, mainWindowSizes } from './windowOptions'
import { DesktopIntegration, type DesktopIntegrationOptions } from './desktop/DesktopIntegration'
import { hiddenArgument } from './desktop/LoginItems'
import { UpdateService, type UpdateServiceOptions } from './updates/UpdateService'
import type { UpdaterPort } from './updates/UpdaterPort'
import { OpenRequests } from './open/OpenRequests'
import type { ApiEventName, ApiEvents } from '@shared/api/events'
import { ipcChannels, type RpcEventMessage } from '@shared/api/wire'

export interface ElectronShellOptions {
  env: Record<string, string | undefined>
  platform: NodeJS.Platform
  homedir: string
  electronVersion: string
  preloadPath: string
  rendererDir: string
  /** electron-vite's dev server (ELECTRON_RENDERER_URL); ignored in a packaged app. */
  devServerUrl?: string
  openCore(options: CoreOptions): Promise<Core>
  fileExists(file: string): boolean
  /** This launch's arguments and working directory (process.argv, process.cwd()): links and files to open. */
  argv?: readonly string[]
  cwd?: string
  log: ShellLog
  /** Timing of the reminder notifications (tests make it instant). */
  reminders?: Pick<ReminderNotifierOptions, 'now' | 'timers' | 'firstCheckAfterMs' | 'intervalMs' | 'maxSeparate'>
  /** electron-updater's autoUpdater (index.ts: electronUpdaterPort); called only in a packaged app. */
  createUpdater?(): UpdaterPort
  /** Timing of the automatic update checks (tests make it instant). */
  updates?: Pick<UpdateServiceOptions, 'timers' | 'now' | 'firstCheckAfterMs' | 'intervalMs'>
  /** Timing of the window-state saves and the due badge (tests make it instant). */
  desktop?: Pick<DesktopIntegrationOptions, 'timers' | 'now' | 'badgeIntervalMs'>
}

export type ShellStart = 'running' | 'another-instance-has-this-profile' | 'failed'

/** Only a loopback dev server counts: an environment variable must never make the app load remote content. */
export function rendererSourceFor(devServerUrl: string | undefined, isPackaged: boolean): RendererSource {
  if (isPackaged || !devServerUrl) return { kind: 'bundle' }
  const url = new URL(devServerUrl)
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]'
  return url.protocol === 'http:' && loopback ? { kind: 'dev-server', url: url.href } : { kind: 'bundle' }
}

/** The Electron shell: wiring only. Every Electron call goes through `ports`. */
export class ElectronShell {
  readonly appOrigin: AppOrigin
  readonly dataDir: string
  private readonly senders: IpcSenderCheck
  private window: WindowPort | undefined
  private core: Core | undefined
  private stopping: Promise<void> | undefined
  private stopped = false
  private readonly cleanups: Array<() => void> = []
  private readonly opener: OpenRequests
  private desktop: DesktopIntegration | undefined

  constructor(
    private readonly ports: ElectronPorts,
    private readonly options: ElectronShellOptions,
  ) {
    this.appOrigin = new AppOrigin(rendererSourceFor(options.devServerUrl, ports.app.isPackaged))
    this.senders = new IpcSenderCheck(this.appOrigin)
    this.dataDir = defaultProfileDir({ env: options.env, platform: options.platform, homedir: options.homedir })
    this.opener = new OpenRequests({
      app: ports.app,
      dialog: ports.dialog,
      fileExists: options.fileExists,
      dispatch: (method, args) =>
        this.core ? this.core.dispatch(method, args) : Promise.resolve({ ok: false, error: { code: 'internal', message: 'Staffroom is not open yet.' } } as const),
      show: (target) => {
        this.focusWindow()
        this.sendToPage('shell.open', { target })
      },
      log: options.log,
    })
  }

  get mainWindow(): WindowPort | undefined {
    return this.window
  }

  /** Call before the app is ready (scheme privileges and the instance lock must come first). */
  async start(): Promise<ShellStart> {
    const { app } = this.ports
    registerAppScheme(this.ports.protocol)
    // Chromium's own data goes inside the profile; that also makes Electron's single-instance
    // lock (kept in userData) one per profile, so two profiles can be open side by side.
    app.setPath('userData', path.join(this.dataDir, 'electron'))
    if (!app.requestSingleInstanceLock()) {
      app.quit()
      return 'another-instance-has-this-profile'
    }
    // macOS hands over links and files as events, possibly before ready; other OSes as arguments.
    this.opener.listen()
    this.opener.addFromArgv(this.options.argv ?? [], this.options.cwd ?? process.cwd())
    this.opener.registerProtocolClient()
    app.on('second-instance', (_event, argv, workingDirectory) => {
      // A login-item launch while already running must not bring the window up.
      if (!argv.includes(hiddenArgument)) this.focusWindow()
      this.opener.addFromArgv(argv, workingDirectory)
    })
    // macOS: a Dock click while running (the window may have stayed hidden after a login launch).
    app.on('activate', () => this.focusWindow())
    app.on('web-contents-created', (_event, contents) => guardWebContents(contents, this.appOrigin, this.ports.shell, this.options.log))
    app.on('window-all-closed', () => app.quit())
    app.on('before-quit', (event) => {
      if (this.stopped) return
      // Hold the quit until the core has flushed its saves, then quit for real.
      event.preventDefault()
      void this.stop().finally(() => app.quit())
    })
    await app.whenReady()

    const binding = chooseNativeBinding({
      appRoot: app.getAppPath(),
      electronVersion: this.options.electronVersion,
      isPackaged: app.isPackaged,
      exists: this.options.fileExists,
    })
    if (!binding.ok) return this.fail('Staffroom cannot open its database', binding.message)
    try {
      const secretBox = keychainSecretBox(this.ports.keychain)
      if (!secretBox) this.options.log('the OS keychain is not available; the device key is protected by the profile folder only')
      this.core = await this.options.openCore({ dataDir: this.dataDir, shell: 'electron', nativeBinding: binding.nativeBinding, ...(secretBox ? { secretBox } : {}) })
    } catch (error) {
      return this.fail('Staffroom cannot open your profile', error instanceof Error ? error.message : String(error))
    }
    const core = this.core
    const { desktop, updates } = this.startDesktop()
    this.wire(core, desktop, updates)
    this.createWindow(core, desktop)
    this.startReminders(core)
    desktop.startBadge((method, args) => core.dispatch(method, args))
    await this.startPeerSync(core)
    return 'running'
  }

  /** Settles once the links and files handed over so far are handled (or waiting for the page). */
  openRequestsHandled(): Promise<void> {
    return this.opener.idle()
  }

  /** Flushes and closes the core; idempotent. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (const cleanup of this.cleanups.splice(0)) cleanup()
      await this.core?.shutdown()
      this.stopped = true
    })()
    return this.stopping
  }

  /**
   * Window place, opening at login, the desktop preferences, the due badge and updates. Updates
   * never restart the app on their own; before the updater's quit the core is flushed and closed,
   * so the before-quit handler lets that quit through at once.
   */
  private startDesktop(): { desktop: DesktopIntegration; updates: UpdateService } {
    const { app } = this.ports
    const { createUpdater, log } = this.options
    const updates = new UpdateService({
      isPackaged: app.isPackaged,
      createUpdater: () => {
        if (!createUpdater) throw new Error('this build has no updater')
        return createUpdater()
      },
      onStatus: (status) => this.sendToPage('updates.status', status),
      beforeRestart: () => this.stop(),
      // The core is closed by then, so the app cannot go on; the teacher's work is saved.
      onRestartFailed: () => app.quit(),
      log,
      ...this.options.updates,
    })
    const desktop = new DesktopIntegration({
      ports: this.ports.desktop,
      platform: this.options.platform,
      env: this.options.env,
      homedir: this.options.homedir,
      execPath: app.getExecutablePath(),
      argv: this.options.argv ?? [],
      isPackaged: app.isPackaged,
      electronDir: path.join(this.dataDir, 'electron'),
      windowSizes: mainWindowSizes,
      updatesSupported: updates.supported,
      log,
      ...this.options.desktop,
    })
    this.desktop = desktop
    updates.setAutomaticChecks(desktop.preferences.automaticUpdateChecks)
    this.cleanups.push(desktop.preferences.onAutomaticUpdateChecksChange((on) => updates.setAutomaticChecks(on)))
    this.cleanups.push(() => updates.stop(), () => desktop.stop())
    return { desktop, updates }
  }

  private wire(core: Core, desktop: DesktopIntegration, updates: UpdateService): void {
    const { protocol, session, menu, ipcMain } = this.ports
    if (this.appOrigin.source.kind === 'bundle') installRendererProtocol(protocol, this.options.rendererDir, this.appOrigin)
    installContentSecurityPolicy(session, this.appOrigin)
    restrictPermissions(session)
    menu.setApplicationMenu(
      buildAppMenu({
        platform: this.options.platform,
        isDev: this.appOrigin.source.kind === 'dev-server',
        sendCommand: (command) => this.sendMenuCommand(command),
        openBundle: () => void this.opener.chooseBundle(),
      }),
    )
    const printer = new PdfPrinter(this.ports.pdfWindows)
    const shellMethods = {
      'projects.exportPdf': (args: unknown) => exportProjectPdf(core, printer, args, this.options.log),
      'termReport.pdf': (args: unknown) => exportTermReportPdf(core, printer, args, this.options.log),
      // The page has subscribed to 'shell.open': the links and files waiting for it can go.
      'desktop.pageReady': async () => {
        this.opener.pageIsListening()
        return { ok: true, value: { listening: true } } as const
      },
      ...desktop.preferences.shellMethods(),
      ...updates.shellMethods(),
    }
    this.cleanups.push(registerRpcIpc(ipcMain, core, this.senders, this.options.log, shellMethods))
    this.cleanups.push(forwardCoreEvents(core, () => (this.window && !this.window.isDestroyed() ? [this.window.webContents] : [])))
    // The due badge counts again when contacts, interactions or the keeping-in-touch settings change.
    this.cleanups.push(core.onEvent((message) => desktop.onCoreEvent(message)))
  }

  private createWindow(core: Core, desktop: DesktopIntegration): void {
    const window = this.ports.windows.create(createMainWindowOptions(this.options.preloadPath, desktop.windowBounds()))
    this.window = window
    desktop.attachWindow(window)
    const contentsId = window.webContents.id
    this.senders.trust(contentsId)
    const bridge = new RendererRepoBridge(core, this.ports.channels)
    bridge.attach(window.webContents)
    this.opener.attach(window.webContents)
    this.cleanups.push(() => bridge.disconnect())
    // Started by the login item: stay in the background until asked (a launch, the Dock, a notification).
    window.once('ready-to-show', () => {
      if (!desktop.startedHidden) this.focusWindow()
    })
    window.on('closed', () => {
      this.senders.forget(contentsId)
      this.window = undefined
    })
    window.loadURL(this.appOrigin.startUrl).catch((error: unknown) => this.options.log(`Could not load the app: ${String(error)}`))
  }

  /** Accepts paired devices and finds them on the LAN; the app works without it if the ports or multicast fail. */
  private async startPeerSync(core: Core): Promise<void> {
    try {
      const { port } = await startSync(core.sync, { host: '0.0.0.0', port: 'default', pairingPort: 'default', lanDiscovery: true })
      this.options.log(`accepting paired devices on port ${port}`)
    } catch (error) {
      this.options.log(`sync with other devices is off: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  /** OS notifications for due reminders; a click brings the window forward on the reminder. */
  private startReminders(core: Core): void {
    const reminders = new ReminderNotifier({
      dispatch: (method, args) => core.dispatch(method, args),
      notifications: this.ports.notifications,
      open: (target) => {
        this.focusWindow()
        this.sendToPage('shell.open', { target })
      },
      log: this.options.log,
      memory: shownRemindersFile(path.join(this.dataDir, 'electron', 'reminders-shown.json')),
      ...this.options.reminders,
    })
    reminders.start()
    this.cleanups.push(() => reminders.stop())
  }

  private sendMenuCommand(command: MenuCommand): void {
    this.sendToPage(menuCommandEvent, { command })
  }

  /** Same channel and shape as core events, so the page listens in one place (window.staffroom.on). */
  private sendToPage<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void {
    const contents = this.window?.webContents
    if (!contents || contents.isDestroyed()) return
    const message = { event, payload } as unknown as RpcEventMessage
    contents.send(ipcChannels.event, message)
  }

  private focusWindow(): void {
    const window = this.window
    if (!window || window.isDestroyed()) return
    if (window.isMinimized()) window.restore()
    // Maximizes as last time (once) and sets the Windows overlay badge again, before it appears.
    this.desktop?.beforeShow()
    window.show()
    window.focus()
  }

  private fail(title: string, message: string): ShellStart {
    this.options.log(`${title}: ${message}`)
    this.ports.dialog.showErrorBox(title, message)
    this.stopped = true
    this.ports.app.exit(1)
    return 'failed'
  }
}
