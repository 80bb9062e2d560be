// The Electron main process: binds the real electron module to the shell's ports. No logic here;
// everything this file wires is in ElectronShell and tested with fakes.
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, Menu, MessageChannelMain, nativeImage, Notification, protocol, safeStorage, screen, session, shell } from 'electron'
import { createCore } from '../core/createCore'
import { tolerateSyncTimeouts } from '../core/sync/tolerateSyncTimeouts'
import { bindDesktopPorts } from './desktop/desktopPorts'
import { ElectronShell } from './ElectronShell'
import { electronUpdaterPort } from './updates/electronUpdaterPort'
import type { AppPort, ElectronPorts, NotificationPort, PdfWindowPort, WindowPort } from './ports'

// out/main/index.js; the preload and the renderer are built beside it.
const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// The Windows taskbar overlay for due reminders. resources/ is electron-builder's build folder and
// is not packaged: electron-builder's extraResources copies badge-due.png (and @2x) beside the app.
const badgeImagePath = app.isPackaged ? path.join(process.resourcesPath, 'badge-due.png') : path.join(app.getAppPath(), 'resources', 'badge-due.png')
const log = (message: string) => console.error(`staffroom: ${message}`)

const appPort: AppPort = {
  get isPackaged() {
    return app.isPackaged
  },
  getAppPath: () => app.getAppPath(),
  getExecutablePath: () => app.getPath('exe'),
  setAsDefaultProtocolClient: (scheme, executable, args) =>
    executable === undefined ? app.setAsDefaultProtocolClient(scheme) : app.setAsDefaultProtocolClient(scheme, executable, args),
  setPath: (name, value) => app.setPath(name, value),
  requestSingleInstanceLock: () => app.requestSingleInstanceLock(),
  // The port's overloads are a subset of app.on's; Electron's own typing cannot see that through a union.
  on: ((event: string, listener: (...args: never[]) => void) => app.on(event as 'ready', listener as () => void)) as AppPort['on'],
  whenReady: () => app.whenReady(),
  quit: () => app.quit(),
  exit: (code) => app.exit(code),
}

// A notification that is no longer referenced can be collected before its click arrives; hold each
// one until it is closed or clicked.
const liveNotifications = new Set<Notification>()
const notificationPort: NotificationPort = {
  isSupported: () => Notification.isSupported(),
  show: ({ title, body, onClick }) => {
    const notification = new Notification({ title, body })
    liveNotifications.add(notification)
    notification.on('click', () => {
      liveNotifications.delete(notification)
      onClick()
    })
    notification.on('close', () => liveNotifications.delete(notification))
    notification.show()
  },
}

const ports: ElectronPorts = {
  app: appPort,
  // BrowserWindow has all of WindowPort; its many on() overloads defeat a structural check.
  windows: { create: (options) => new BrowserWindow(options) as unknown as WindowPort },
  ipcMain: {
    handle: (channel, handler) => ipcMain.handle(channel, handler),
    removeHandler: (channel) => ipcMain.removeHandler(channel),
  },
  shell: { openExternal: (url) => shell.openExternal(url) },
  menu: { setApplicationMenu: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)) },
  // session.defaultSession exists only once the app is ready; the shell calls these after that.
  session: {
    onHeadersReceived: (listener) => session.defaultSession.webRequest.onHeadersReceived((details, callback) => listener(details, callback)),
    setPermissionRequestHandler: (handler) =>
      session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => handler(permission, callback)),
    setPermissionCheckHandler: (handler) => session.defaultSession.setPermissionCheckHandler((_contents, permission) => handler(permission)),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => protocol.registerSchemesAsPrivileged(schemes),
    handle: (scheme, handler) => protocol.handle(scheme, (request) => handler(request)),
  },
  dialog: {
    showErrorBox: (title, content) => dialog.showErrorBox(title, content),
    showOpenDialog: (options) => {
      const parent = BrowserWindow.getFocusedWindow()
      return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options)
    },
  },
  channels: { create: () => new MessageChannelMain() },
  notifications: notificationPort,
  keychain: {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    encryptString: (text) => safeStorage.encryptString(text),
    decryptString: (sealed) => safeStorage.decryptString(sealed),
  },
  pdfWindows: {
    create: (options) => {
      const window = new BrowserWindow(options)
      const port: PdfWindowPort = {
        loadFile: (filePath) => window.loadFile(filePath),
        printToPdf: async (pdfOptions) => new Uint8Array(await window.webContents.printToPDF(pdfOptions)),
        destroy: () => {
          if (!window.isDestroyed()) window.destroy()
        },
      }
      return port
    },
  },
  desktop: bindDesktopPorts({ app, screen, nativeImage }, badgeImagePath),
}

const electronShell = new ElectronShell(ports, {
  env: process.env,
  platform: process.platform,
  homedir: os.homedir(),
  electronVersion: process.versions.electron ?? '',
  preloadPath: path.join(outDir, 'preload', 'index.cjs'),
  rendererDir: path.join(outDir, 'renderer'),
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  openCore: createCore,
  fileExists: (file) => existsSync(file),
  argv: process.argv,
  cwd: process.cwd(),
  log,
  // Only called in a packaged app; builds electron-updater's autoUpdater, logging through `log`.
  createUpdater: () => electronUpdaterPort(log),
})

process.on('unhandledRejection', tolerateSyncTimeouts(log))
void electronShell.start()
