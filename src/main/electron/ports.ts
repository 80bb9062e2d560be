import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions, OpenDialogOptions, PrintToPDFOptions } from 'electron'
import type { DesktopPorts, OverlayImage } from './desktop/desktopPorts'
import type { Rectangle } from './desktop/windowPlacement'
import type { TrackedWindowEvent } from './desktop/WindowStateKeeper'

/**
 * The few Electron calls the shell makes, as small interfaces. index.ts binds them to the real
 * electron module; tests bind them to fakes, so the wiring and the security settings are checked
 * without the Electron binary.
 */

export interface PreventableEvent {
  preventDefault(): void
}

export interface WebContentsPort {
  readonly id: number
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): void
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): void
  on(event: 'did-finish-load' | 'destroyed', listener: () => void): void
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
  send(channel: string, message: unknown): void
  postMessage(channel: string, message: unknown, transfer: MessagePortMainLike[]): void
  isDestroyed(): boolean
}

export interface WindowPort {
  readonly webContents: WebContentsPort
  loadURL(url: string): Promise<void>
  once(event: 'ready-to-show', listener: () => void): void
  on(event: 'closed' | TrackedWindowEvent, listener: () => void): void
  show(): void
  focus(): void
  restore(): void
  isMinimized(): boolean
  isDestroyed(): boolean
  // Where the window is, for desktop/WindowStateKeeper.
  getNormalBounds(): Rectangle
  isMaximized(): boolean
  isFullScreen(): boolean
  maximize(): void
  setFullScreen(flag: boolean): void
  /** Windows' taskbar overlay, the due badge there (desktop/badges.ts). */
  setOverlayIcon(overlay: OverlayImage | null, description: string): void
}

export interface WindowFactory {
  create(options: BrowserWindowConstructorOptions): WindowPort
}

/** The part of an IpcMainInvokeEvent the sender check needs. */
export interface IpcInvokeEventLike {
  readonly sender: { readonly id: number }
  /** null when the frame has navigated away or been destroyed. */
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null
}

export interface IpcMainPort {
  handle(channel: string, handler: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void
  removeHandler(channel: string): void
}

export interface ShellPort {
  openExternal(url: string): Promise<void>
}

export interface AppPort {
  readonly isPackaged: boolean
  getAppPath(): string
  setPath(name: 'userData' | 'sessionData', path: string): void
  /** The executable (app.getPath('exe')): what the OS runs for a staffroom:// link in development. */
  getExecutablePath(): string
  requestSingleInstanceLock(): boolean
  /** Makes the OS hand staffroom:// links to this app; in development, to `executable args…`. */
  setAsDefaultProtocolClient(protocol: string, executable?: string, args?: string[]): boolean
  /** 'activate': macOS, the Dock icon was clicked (or the app opened again) while running. */
  on(event: 'window-all-closed' | 'activate', listener: () => void): void
  /** Another launch of the app, with its arguments (links and files on Windows and Linux). */
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): void
  /** macOS: a staffroom:// link, or a file opened from the Finder or dropped on the Dock icon; may come before ready. */
  on(event: 'open-url' | 'open-file', listener: (event: PreventableEvent, urlOrPath: string) => void): void
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): void
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsPort) => void): void
  whenReady(): Promise<void>
  quit(): void
  exit(code: number): void
}

export interface MenuPort {
  setApplicationMenu(template: MenuItemConstructorOptions[]): void
}

export interface HeadersReceivedDetails {
  url: string
  resourceType: string
  responseHeaders?: Record<string, string[] | string>
}

export interface SessionPort {
  onHeadersReceived(listener: (details: HeadersReceivedDetails, callback: (response: { responseHeaders?: Record<string, string[] | string> }) => void) => void): void
  setPermissionRequestHandler(handler: (permission: string, callback: (granted: boolean) => void) => void): void
  setPermissionCheckHandler(handler: (permission: string) => boolean): void
}

export interface ProtocolPort {
  /** Must run before the app is ready. */
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>): void
  handle(scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>): void
}

export interface DialogPort {
  showErrorBox(title: string, content: string): void
  /** A native file picker (over the focused window, if any). */
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>
}

/** OS notifications (Electron's Notification). */
export interface NotificationPort {
  isSupported(): boolean
  show(notification: { title: string; body: string; onClick: () => void }): void
}

/** Electron's MessagePortMain, as far as the repo bridge uses it. */
export interface MessagePortMainLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown
  on(event: 'close', listener: () => void): unknown
  postMessage(message: unknown, transfer?: MessagePortMainLike[]): void
  start(): void
  close(): void
}

export interface MessageChannelFactory {
  create(): { port1: MessagePortMainLike; port2: MessagePortMainLike }
}

/** Electron's safeStorage: the OS keychain (Keychain, DPAPI, libsecret) seals small secrets. */
export interface KeychainPort {
  isEncryptionAvailable(): boolean
  encryptString(text: string): Buffer
  decryptString(sealed: Buffer): string
}

/** A hidden window that renders one page to PDF (BrowserWindow.loadFile, webContents.printToPDF). */
export interface PdfWindowPort {
  loadFile(filePath: string): Promise<void>
  printToPdf(options: PrintToPDFOptions): Promise<Uint8Array>
  destroy(): void
}

export interface PdfWindowFactory {
  create(options: BrowserWindowConstructorOptions): PdfWindowPort
}

export interface ElectronPorts {
  app: AppPort
  windows: WindowFactory
  ipcMain: IpcMainPort
  shell: ShellPort
  menu: MenuPort
  session: SessionPort
  protocol: ProtocolPort
  dialog: DialogPort
  channels: MessageChannelFactory
  notifications: NotificationPort
  keychain: KeychainPort
  pdfWindows: PdfWindowFactory
  /** Displays, login items and the app badge (desktop/desktopPorts.ts binds them). */
  desktop: DesktopPorts
}
