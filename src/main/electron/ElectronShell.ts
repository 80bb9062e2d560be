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
import { createMainWindowOptions } from './windowOptions'
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
  log: ShellLog
  /** Timing of the reminder notifications (tests make it instant). */
  reminders?: Pick<ReminderNotifierOptions, 'now' | 'timers' | 'firstCheckAfterMs' | 'intervalMs' | 'maxSeparate'>
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

  constructor(
    private readonly ports: ElectronPorts,
    private readonly options: ElectronShellOptions,
  ) {
    this.appOrigin = new AppOrigin(rendererSourceFor(options.devServerUrl, ports.app.isPackaged))
    this.senders = new IpcSenderCheck(this.appOrigin)
    this.dataDir = defaultProfileDir({ env: options.env, platform: options.platform, homedir: options.homedir })
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
    app.on('second-instance', () => this.focusWindow())
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
    this.wire(this.core)
    this.createWindow(this.core)
    this.startReminders(this.core)
    await this.startPeerSync(this.core)
    return 'running'
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

  private wire(core: Core): void {
    const { protocol, session, menu, ipcMain } = this.ports
    if (this.appOrigin.source.kind === 'bundle') installRendererProtocol(protocol, this.options.rendererDir, this.appOrigin)
    installContentSecurityPolicy(session, this.appOrigin)
    restrictPermissions(session)
    menu.setApplicationMenu(
      buildAppMenu({ platform: this.options.platform, isDev: this.appOrigin.source.kind === 'dev-server', sendCommand: (command) => this.sendMenuCommand(command) }),
    )
    const printer = new PdfPrinter(this.ports.pdfWindows)
    const shellMethods = {
      'projects.exportPdf': (args: unknown) => exportProjectPdf(core, printer, args, this.options.log),
      'termReport.pdf': (args: unknown) => exportTermReportPdf(core, printer, args, this.options.log),
    }
    this.cleanups.push(registerRpcIpc(ipcMain, core, this.senders, this.options.log, shellMethods))
    this.cleanups.push(forwardCoreEvents(core, () => (this.window && !this.window.isDestroyed() ? [this.window.webContents] : [])))
  }

  private createWindow(core: Core): void {
    const window = this.ports.windows.create(createMainWindowOptions(this.options.preloadPath))
    this.window = window
    const contentsId = window.webContents.id
    this.senders.trust(contentsId)
    const bridge = new RendererRepoBridge(core, this.ports.channels)
    bridge.attach(window.webContents)
    this.cleanups.push(() => bridge.disconnect())
    window.once('ready-to-show', () => window.show())
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
