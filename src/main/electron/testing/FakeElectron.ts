import { readFileSync } from 'node:fs'
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron'
import type {
  AppPort,
  DialogPort,
  ElectronPorts,
  HeadersReceivedDetails,
  IpcInvokeEventLike,
  IpcMainPort,
  MenuPort,
  KeychainPort,
  NotificationPort,
  PdfWindowFactory,
  PdfWindowPort,
  PreventableEvent,
  ProtocolPort,
  SessionPort,
  ShellPort,
  WebContentsPort,
  WindowFactory,
  WindowPort,
} from '../ports'
import { FakeDesktopPorts } from '../desktop/testing/FakeDesktopPorts'
import { FakeTrackedWindow } from '../desktop/testing/FakeTrackedWindow'
import type { TrackedWindowEvent } from '../desktop/WindowStateKeeper'
import { FakeMessageChannelFactory } from './FakeMessageChannelMain'
import { FakeWebContents } from './FakeWebContents'

type Listener = (...args: never[]) => void

/** The main window: a FakeTrackedWindow (bounds, maximize, full screen) that also loads, shows and focuses. */
export class FakeWindow extends FakeTrackedWindow implements WindowPort {
  readonly webContents = new FakeWebContents()
  loadedUrls: string[] = []
  shown = 0
  focused = 0
  minimized = false
  /** setOverlayIcon calls, as [image or null, description]. */
  readonly overlays: Array<[unknown, string]> = []

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super({ x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 })
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url)
  }
  once(event: 'ready-to-show', listener: () => void): void {
    this.on(event, listener)
  }
  override emit(event: 'ready-to-show' | 'closed' | TrackedWindowEvent): void {
    if (event === 'closed') this.destroyed = true
    super.emit(event)
  }
  /** The user closes the window: 'close', then 'closed'. */
  close(): void {
    this.emit('close')
    this.emit('closed')
  }
  setOverlayIcon(overlay: unknown, description: string): void {
    this.overlays.push([overlay, description])
  }
  show(): void {
    this.shown++
  }
  focus(): void {
    this.focused++
  }
  restore(): void {
    this.minimized = false
  }
  isMinimized(): boolean {
    return this.minimized
  }
}

/** A hidden PDF window: records what it loaded and printed; its "PDF" names the file it read. */
export class FakePdfWindow implements PdfWindowPort {
  loadedFiles: string[] = []
  loadedHtml: string[] = []
  printOptions: unknown[] = []
  destroyed = false
  failPrint = false

  constructor(readonly options: BrowserWindowConstructorOptions) {}

  async loadFile(filePath: string): Promise<void> {
    this.loadedFiles.push(filePath)
    this.loadedHtml.push(readFileSync(filePath, 'utf8'))
  }
  async printToPdf(options: unknown): Promise<Uint8Array> {
    this.printOptions.push(options)
    if (this.failPrint) throw new Error('printing failed')
    return new TextEncoder().encode(`%PDF-fake ${this.loadedHtml.at(-1)?.length ?? 0}`)
  }
  destroy(): void {
    this.destroyed = true
  }
}

/** Every Electron port, faked in memory and observable; one object so a test sees the whole shell. */
export class FakeElectron implements ElectronPorts {
  static readonly executablePath = '/repo/node_modules/electron/dist/electron'
  readonly events: string[] = []
  lockGranted = true
  readonly userDataPaths: string[] = []
  readonly createdWindows: FakeWindow[] = []
  readonly handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>()
  readonly openedExternally: string[] = []
  menuTemplate: MenuItemConstructorOptions[] | undefined
  headersListener: ((details: HeadersReceivedDetails, callback: (r: { responseHeaders?: Record<string, string[] | string> }) => void) => void) | undefined
  permissionRequest: ((permission: string, callback: (granted: boolean) => void) => void) | undefined
  permissionCheck: ((permission: string) => boolean) | undefined
  readonly privilegedSchemes: Array<{ scheme: string; privileges: Record<string, boolean> }> = []
  readonly protocolHandlers = new Map<string, (request: { url: string; method: string }) => Promise<Response>>()
  readonly errorBoxes: Array<{ title: string; content: string }> = []
  readonly channels = new FakeMessageChannelFactory()
  readonly desktop = new FakeDesktopPorts(FakeElectron.executablePath)
  /** Notifications shown, in order; call `click()` as the user would. */
  readonly notificationsShown: Array<{ title: string; body: string; click: () => void }> = []
  notificationsSupported = true
  exitCode: number | undefined
  quitCalls = 0
  /** setAsDefaultProtocolClient calls, as [protocol, executable?, args?]. */
  readonly protocolClients: Array<[string, string?, string[]?]> = []
  protocolClientRegistrable = true
  /** What the next Open dialog answers, as the user picked; every dialog shown is recorded. */
  nextOpenDialog: { canceled: boolean; filePaths: string[] } = { canceled: true, filePaths: [] }
  readonly openDialogs: unknown[] = []
  private readonly appListeners = new Map<string, Listener[]>()
  private ready: Promise<void> = Promise.resolve()

  readonly app: AppPort = {
    isPackaged: false,
    getAppPath: () => '/repo',
    getExecutablePath: () => FakeElectron.executablePath,
    setAsDefaultProtocolClient: (protocol, executable, args) => {
      this.protocolClients.push(executable === undefined ? [protocol] : [protocol, executable, args])
      return this.protocolClientRegistrable
    },
    setPath: (name, value) => {
      this.events.push(`setPath:${name}`)
      this.userDataPaths.push(value)
    },
    requestSingleInstanceLock: () => {
      this.events.push('requestSingleInstanceLock')
      return this.lockGranted
    },
    on: (event: string, listener: Listener) => {
      this.events.push(`on:${event}`)
      this.appListeners.set(event, [...(this.appListeners.get(event) ?? []), listener])
    },
    whenReady: async () => {
      await this.ready
      this.events.push('ready')
    },
    quit: () => {
      this.quitCalls++
      this.emitApp('before-quit')
    },
    exit: (code) => {
      this.exitCode = code
    },
  }

  readonly windows: WindowFactory = {
    create: (options) => {
      const window = new FakeWindow(options)
      this.createdWindows.push(window)
      this.emitWebContentsCreated(window.webContents)
      return window
    },
  }

  readonly ipcMain: IpcMainPort = {
    handle: (channel, handler) => void this.handlers.set(channel, handler),
    removeHandler: (channel) => void this.handlers.delete(channel),
  }

  readonly shell: ShellPort = {
    openExternal: async (url) => void this.openedExternally.push(url),
  }

  readonly menu: MenuPort = {
    setApplicationMenu: (template) => (this.menuTemplate = template),
  }

  readonly session: SessionPort = {
    onHeadersReceived: (listener) => (this.headersListener = listener),
    setPermissionRequestHandler: (handler) => (this.permissionRequest = handler),
    setPermissionCheckHandler: (handler) => (this.permissionCheck = handler),
  }

  readonly protocol: ProtocolPort = {
    registerSchemesAsPrivileged: (schemes) => {
      this.events.push('registerSchemesAsPrivileged')
      this.privilegedSchemes.push(...schemes)
    },
    handle: (scheme, handler) => void this.protocolHandlers.set(scheme, handler),
  }

  readonly dialog: DialogPort = {
    showErrorBox: (title, content) => void this.errorBoxes.push({ title, content }),
    showOpenDialog: async (options) => {
      this.openDialogs.push(options)
      return this.nextOpenDialog
    },
  }

  readonly notifications: NotificationPort = {
    isSupported: () => this.notificationsSupported,
    show: ({ title, body, onClick }) => void this.notificationsShown.push({ title, body, click: onClick }),
  }

  keychainAvailable = true
  readonly keychain: KeychainPort = {
    isEncryptionAvailable: () => this.keychainAvailable,
    // Reversible and visibly not the input, like the real thing; no real secrecy needed in tests.
    encryptString: (text) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
    decryptString: (sealed) => Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'hex').toString(),
  }

  readonly pdfWindowsCreated: FakePdfWindow[] = []
  failNextPdf = false
  readonly pdfWindows: PdfWindowFactory = {
    create: (options) => {
      const window = new FakePdfWindow(options)
      window.failPrint = this.failNextPdf
      this.failNextPdf = false
      this.pdfWindowsCreated.push(window)
      return window
    },
  }

  emitApp(event: 'window-all-closed' | 'before-quit' | 'activate'): boolean {
    let prevented = false
    const preventable: PreventableEvent = { preventDefault: () => (prevented = true) }
    for (const listener of this.appListeners.get(event) ?? []) (listener as (e: PreventableEvent) => void)(preventable)
    return prevented
  }

  /** Keeps whenReady pending until the returned function is called (to deliver events before ready). */
  holdReady(): () => void {
    let release: () => void = () => {}
    this.ready = new Promise((resolve) => (release = resolve))
    return release
  }

  /** Another launch of the app handed over its arguments. */
  emitSecondInstance(argv: string[], workingDirectory = '/'): void {
    for (const listener of this.appListeners.get('second-instance') ?? []) (listener as (e: unknown, a: string[], w: string) => void)({}, argv, workingDirectory)
  }

  /** macOS 'open-url' / 'open-file'; returns whether a listener prevented the default. */
  emitOpen(event: 'open-url' | 'open-file', urlOrPath: string): boolean {
    let prevented = false
    const preventable: PreventableEvent = { preventDefault: () => (prevented = true) }
    for (const listener of this.appListeners.get(event) ?? []) (listener as (e: PreventableEvent, value: string) => void)(preventable, urlOrPath)
    return prevented
  }

  emitWebContentsCreated(contents: WebContentsPort): void {
    for (const listener of this.appListeners.get('web-contents-created') ?? []) (listener as (e: unknown, c: WebContentsPort) => void)({}, contents)
  }

  /** Calls an ipcMain.handle handler as Electron would for a message from `contents`, shown at `frameUrl`. */
  invoke(channel: string, sender: { id: number }, frameUrl: string | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`no handler for ${channel}`)
    return handler({ sender, senderFrame: frameUrl === null ? null : { url: frameUrl, parent: null } }, ...args)
  }
}
