import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ipcChannels } from '@shared/api/wire'
import { ApiError } from '@shared/errors'
import type { CoreOptions } from '../core/Core'
import { FakeCore } from '../serve/testing/FakeCore'
import { ElectronShell, rendererSourceFor, type ElectronShellOptions } from './ElectronShell'
import { electronSqliteBindingPath } from './nativeBinding'
import { FakeElectron } from './testing/FakeElectron'

let workDir: string
let rendererDir: string
let electron: FakeElectron
let opened: Array<{ options: CoreOptions; core: FakeCore }>
const appUrl = 'app://staffroom/index.html'

beforeEach(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'staffroom-electron-'))
  rendererDir = path.join(workDir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Staffroom</title>')
  writeFileSync(path.join(workDir, 'secret.txt'), 'TOP SECRET')
  electron = new FakeElectron()
  opened = []
})
afterEach(async () => {
  await Promise.all(opened.map(({ core }) => core.shutdown()))
  rmSync(workDir, { recursive: true, force: true })
})

function options(overrides: Partial<ElectronShellOptions> = {}): ElectronShellOptions {
  return {
    env: { STAFFROOM_DATA_DIR: path.join(workDir, 'profile') },
    platform: 'linux',
    homedir: '/home/teacher',
    electronVersion: '45.5.0',
    preloadPath: '/repo/out/preload/index.cjs',
    rendererDir,
    openCore: async (coreOptions) => {
      const core = new FakeCore(coreOptions.dataDir)
      opened.push({ options: coreOptions, core })
      return core
    },
    fileExists: (file) => file === electronSqliteBindingPath('/repo', '45.5.0'),
    log: () => {},
    ...overrides,
  }
}

async function started(overrides: Partial<ElectronShellOptions> = {}) {
  const shell = new ElectronShell(electron, options(overrides))
  const outcome = await shell.start()
  const window = electron.createdWindows[0]
  return { shell, outcome, window, contents: window?.webContents }
}

describe('Electron shell: window and profile', () => {
  it('creates one window with the secure web preferences and loads the app from app://', async () => {
    const { outcome, window } = await started()
    expect(outcome).toBe('running')
    expect(electron.createdWindows).toHaveLength(1)
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/repo/out/preload/index.cjs',
    })
    expect(window?.loadedUrls).toEqual([appUrl])
    expect(window?.shown).toBe(0)
    window?.emit('ready-to-show')
    expect(window?.shown).toBe(1)
  })

  it('registers the app scheme and takes the instance lock before the app is ready, with Chromium data inside the profile', async () => {
    await started()
    expect(electron.events.indexOf('registerSchemesAsPrivileged')).toBeLessThan(electron.events.indexOf('ready'))
    expect(electron.events.indexOf('requestSingleInstanceLock')).toBeLessThan(electron.events.indexOf('ready'))
    expect(electron.events.indexOf('setPath:userData')).toBeLessThan(electron.events.indexOf('requestSingleInstanceLock'))
    expect(electron.userDataPaths).toEqual([path.join(workDir, 'profile', 'electron')])
    expect(electron.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }])
  })

  it('opens the core on STAFFROOM_DATA_DIR with the Electron build of better-sqlite3', async () => {
    await started()
    expect(opened[0]?.options).toMatchObject({ dataDir: path.join(workDir, 'profile'), shell: 'electron', nativeBinding: electronSqliteBindingPath('/repo', '45.5.0') })
  })

  it('uses the OS app-data folder without STAFFROOM_DATA_DIR', async () => {
    await started({ env: {} })
    expect(opened[0]?.options.dataDir).toBe('/home/teacher/.config/Staffroom')
  })

  it('quits at once when another instance has this profile, without touching the core', async () => {
    electron.lockGranted = false
    const { outcome } = await started()
    expect(outcome).toBe('another-instance-has-this-profile')
    expect(electron.quitCalls).toBe(1)
    expect(opened).toHaveLength(0)
    expect(electron.createdWindows).toHaveLength(0)
  })

  it('brings the existing window forward when a second instance starts', async () => {
    const { window } = await started()
    if (!window) throw new Error('no window')
    window.minimized = true
    electron.emitSecondInstance(['/opt/Staffroom/staffroom'])
    expect(window.minimized).toBe(false)
    expect(window.focused).toBe(1)
  })

  it('says what to run when better-sqlite3 has no Electron build, and exits 1', async () => {
    const { outcome } = await started({ fileExists: () => false })
    expect(outcome).toBe('failed')
    expect(electron.errorBoxes[0]?.content).toContain('npm run rebuild:electron-sqlite')
    expect(electron.exitCode).toBe(1)
    expect(opened).toHaveLength(0)
  })

  it('shows the core\'s "profile in use" message and exits 1', async () => {
    const message = 'This profile is in use by another Staffroom process (/p)'
    const { outcome } = await started({
      openCore: async () => {
        throw new ApiError('profile-in-use', message)
      },
    })
    expect(outcome).toBe('failed')
    expect(electron.errorBoxes).toEqual([{ title: 'Staffroom cannot open your profile', content: message }])
    expect(electron.exitCode).toBe(1)
  })

  it('holds the quit until the core has shut down, once', async () => {
    await started()
    const core = opened[0]?.core
    expect(electron.emitApp('before-quit')).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(core?.shutdownCalls).toBe(1)
    expect(electron.quitCalls).toBe(1)
    expect(electron.emitApp('before-quit')).toBe(false)
    expect(core?.shutdownCalls).toBe(1)
    expect(electron.handlers.has(ipcChannels.invoke)).toBe(false)
  })
})

describe('Electron shell: content and navigation', () => {
  it('serves the bundle over app:// with the CSP as a header, confined to the renderer folder', async () => {
    await started()
    const handler = electron.protocolHandlers.get('app')
    if (!handler) throw new Error('no app:// handler')
    const page = await handler({ url: appUrl, method: 'GET' })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>Staffroom</title>')
    const csp = page.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toMatch(/(^|\s)'unsafe-eval'/)
    expect(csp).not.toContain("script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'")
    expect((await handler({ url: 'app://staffroom/notes/1', method: 'GET' })).status).toBe(200)
    for (const attempt of ['app://staffroom/..%2fsecret.txt', 'app://staffroom/%2e%2e/secret.txt', 'app://other/index.html']) {
      const res = await handler({ url: attempt, method: 'GET' })
      expect(await res.text(), attempt).not.toContain('TOP SECRET')
      expect(res.status).toBeGreaterThanOrEqual(400)
    }
  })

  it('puts the strict CSP on every http(s) response, replacing any other', async () => {
    await started()
    let headers: Record<string, string[] | string> | undefined
    electron.headersListener?.({ url: 'http://x/', resourceType: 'mainFrame', responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } }, (r) => (headers = r.responseHeaders))
    expect(headers?.['content-security-policy']).toBeUndefined()
    expect(headers?.['X-Other']).toEqual(['1'])
    expect(String(headers?.['Content-Security-Policy'])).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self';/)
  })

  it('keeps the window on the app: navigation elsewhere is prevented, https links go to the browser', async () => {
    const { contents } = await started()
    if (!contents) throw new Error('no window')
    expect(contents.navigate('will-navigate', 'app://staffroom/index.html#/notes')).toBe(false)
    expect(contents.navigate('will-navigate', 'https://example.org/article')).toBe(true)
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(contents.navigate('will-redirect', 'http://evil.example/')).toBe(true)
    await Promise.resolve()
    expect(electron.openedExternally).toEqual(['https://example.org/article'])
  })

  it('denies every window.open; only https and mailto reach the OS', async () => {
    const { contents } = await started()
    const open = (url: string) => contents?.windowOpenHandler?.({ url })
    for (const url of ['https://example.org/', 'mailto:colleague@school.example', 'http://example.org/', 'javascript:alert(1)', 'file:///etc/passwd', 'staffroom://x', 'https://user:pw@example.org/'])
      expect(open(url)).toEqual({ action: 'deny' })
    await Promise.resolve()
    expect(electron.openedExternally).toEqual(['https://example.org/', 'mailto:colleague@school.example'])
    expect(contents?.attachWebview()).toBe(true)
  })

  it('guards web contents created later too', async () => {
    await started()
    const { FakeWebContents } = await import('./testing/FakeWebContents')
    const stray = new FakeWebContents()
    electron.emitWebContentsCreated(stray)
    expect(stray.navigate('will-navigate', 'https://example.org/')).toBe(true)
    expect(stray.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' })
  })

  it('refuses every browser permission but clipboard writing', async () => {
    await started()
    const answers: boolean[] = []
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-sanitized-write'])
      electron.permissionRequest?.(permission, (granted) => answers.push(granted))
    expect(answers).toEqual([false, false, false, false, true])
    expect(electron.permissionCheck?.('media')).toBe(false)
  })
})

describe('Electron shell: IPC, events, repo port, menu', () => {
  it('routes invoke from the app window to core.dispatch', async () => {
    const { contents } = await started()
    if (!contents) throw new Error('no window')
    const result = await electron.invoke(ipcChannels.invoke, contents, appUrl, 'notes.list', { filter: 'active' })
    expect(result).toEqual({ ok: true, value: { echo: { method: 'notes.list', args: { filter: 'active' } } } })
  })

  it('refuses IPC from other web contents, other pages, subframes and vanished frames', async () => {
    const { contents } = await started()
    if (!contents) throw new Error('no window')
    const core = opened[0]?.core
    const refused = { ok: false, error: { code: 'unauthorized', message: 'This page may not talk to Staffroom.' } }
    expect(await electron.invoke(ipcChannels.invoke, { id: 9999 }, appUrl, 'notes.list', {})).toEqual(refused)
    expect(await electron.invoke(ipcChannels.invoke, contents, 'https://evil.example/', 'notes.list', {})).toEqual(refused)
    expect(await electron.invoke(ipcChannels.invoke, contents, 'file:///tmp/index.html', 'notes.list', {})).toEqual(refused)
    expect(await electron.invoke(ipcChannels.invoke, contents, null, 'notes.list', {})).toEqual(refused)
    const handler = electron.handlers.get(ipcChannels.invoke)
    expect(await handler?.({ sender: contents, senderFrame: { url: appUrl, parent: {} } }, 'notes.list', {})).toEqual(refused)
    // Only the shell's own question for the due badge reached the core.
    expect(core?.calls.map((call) => call.method)).toEqual(['keepingInTouch.overview'])
  })

  it('answers a non-string method with bad-request', async () => {
    const { contents } = await started()
    if (!contents) throw new Error('no window')
    expect(await electron.invoke(ipcChannels.invoke, contents, appUrl, 42, {})).toMatchObject({ ok: false, error: { code: 'bad-request' } })
  })

  it('pushes core events to the window', async () => {
    const { contents } = await started()
    opened[0]?.core.emit({ event: 'index.changed', payload: { kinds: ['notes'], ids: ['a'] } })
    expect(contents?.sent).toEqual([{ channel: ipcChannels.event, message: { event: 'index.changed', payload: { kinds: ['notes'], ids: ['a'] } } }])
  })

  it('hands the page a repo MessagePort after each load', async () => {
    const { contents } = await started()
    if (!contents) throw new Error('no window')
    expect(contents.posted).toHaveLength(0)
    contents.emit('did-finish-load')
    expect(contents.posted).toHaveLength(1)
    expect(contents.posted[0]).toMatchObject({ channel: ipcChannels.repoPort, message: null })
    expect(contents.posted[0]?.transfer).toHaveLength(1)
    expect(contents.posted[0]?.transfer[0]).toBe(electron.channels.created[0]?.port2)
  })

  it('installs the menu; New Note sends a menu command to the page', async () => {
    const { contents } = await started()
    const items = (electron.menuTemplate ?? []).flatMap((item) => (Array.isArray(item.submenu) ? item.submenu : []))
    expect(items.some((item) => item.role === 'reload')).toBe(false)
    const newNote = items.find((item) => item.accelerator === 'CmdOrCtrl+N')
    ;(newNote?.click as () => void)()
    expect(contents?.sent.at(-1)).toEqual({ channel: ipcChannels.event, message: { event: 'menu.command', payload: { command: 'new-note' } } })
  })

  it('shows due reminders as OS notifications; a click brings the window forward on the contact', async () => {
    const due = { contact: { id: 'c1', name: 'Ada Lovelace', lastInteractionOn: null }, daysOverdue: 2 }
    const overview = { losingTouch: [due], losingTouchTotal: 1, followUpsDue: [], followUpsDueTotal: 0 }
    let fire: (() => void) | undefined
    const { shell, window, contents } = await started({
      openCore: async (coreOptions) => {
        const core = new FakeCore(coreOptions.dataDir)
        core.dispatch = async (method, args) => (method === 'keepingInTouch.overview' ? { ok: true, value: overview } : FakeCore.prototype.dispatch.call(core, method, args))
        opened.push({ options: coreOptions, core })
        return core
      },
      reminders: { timers: { setTimeout: (callback) => (fire = callback), clearTimeout: () => undefined } },
    })
    fire?.()
    await vi.waitFor(() => expect(electron.notificationsShown).toHaveLength(1))
    expect(electron.notificationsShown[0]).toMatchObject({ title: 'Keep in touch with Ada Lovelace', body: 'No interactions yet · 2 days overdue' })
    if (window) window.minimized = true
    electron.notificationsShown[0]!.click()
    expect(window).toMatchObject({ minimized: false, focused: 1 })
    expect(contents?.sent.at(-1)).toEqual({ channel: ipcChannels.event, message: { event: 'shell.open', payload: { target: { section: 'contacts', recordId: 'c1' } } } })
    await shell.stop()
  })
})

describe('Electron shell: dev server', () => {
  it('loads a loopback dev server in development, with dev-only CSP grants and reload', async () => {
    const { window } = await started({ devServerUrl: 'http://localhost:5173/' })
    expect(window?.loadedUrls).toEqual(['http://localhost:5173/'])
    expect(electron.protocolHandlers.has('app')).toBe(false)
    let headers: Record<string, string[] | string> | undefined
    electron.headersListener?.({ url: 'http://localhost:5173/', resourceType: 'mainFrame' }, (r) => (headers = r.responseHeaders))
    const csp = String(headers?.['Content-Security-Policy'])
    expect(csp).toContain('ws://localhost:5173')
    expect(csp).not.toMatch(/(^|\s)'unsafe-eval'/)
    const items = (electron.menuTemplate ?? []).flatMap((item) => (Array.isArray(item.submenu) ? item.submenu : []))
    expect(items.some((item) => item.role === 'toggleDevTools')).toBe(true)
    const contents = window?.webContents
    if (!contents) throw new Error('no window')
    expect(await electron.invoke(ipcChannels.invoke, contents, 'http://localhost:5173/#/notes', 'notes.list', {})).toMatchObject({ ok: true })
  })

  it('never lets the environment point the app at remote content', () => {
    expect(rendererSourceFor('https://evil.example/', false)).toEqual({ kind: 'bundle' })
    expect(rendererSourceFor('http://evil.example:5173/', false)).toEqual({ kind: 'bundle' })
    expect(rendererSourceFor('http://localhost:5173/', true)).toEqual({ kind: 'bundle' })
    expect(rendererSourceFor('http://127.0.0.1:5173/', false)).toEqual({ kind: 'dev-server', url: 'http://127.0.0.1:5173/' })
  })
})

describe('Electron shell: device key in the OS keychain', () => {
  it('seals the device key with safeStorage when the OS offers it, and says so when it does not', async () => {
    await started()
    const box = opened[0]?.options.secretBox
    expect(box?.scheme).toBe('os-keychain')
    const sealed = box!.seal(Buffer.from('-----BEGIN PRIVATE KEY-----'))
    expect(sealed.toString()).not.toContain('PRIVATE KEY')
    expect(box!.open(sealed).toString()).toBe('-----BEGIN PRIVATE KEY-----')

    electron = new FakeElectron()
    electron.keychainAvailable = false
    const logged: string[] = []
    opened.length = 0
    await started({ log: (message) => logged.push(message) })
    expect(opened[0]?.options.secretBox).toBeUndefined()
    expect(logged).toContain('the OS keychain is not available; the device key is protected by the profile folder only')
  })
})

describe('Electron shell: sync with other devices', () => {
  it('starts sync on the usual ports with LAN discovery once the core is open, and keeps running if it cannot', async () => {
    const { outcome } = await started()
    expect(outcome).toBe('running')
    expect(opened[0]?.core.syncStarts).toEqual([{ host: '0.0.0.0', port: 47110, pairingPort: 47111, lanDiscovery: true }])

    electron = new FakeElectron()
    opened.length = 0
    const logged: string[] = []
    const failing = await started({
      log: (message) => logged.push(message),
      openCore: async (coreOptions) => {
        const core = new FakeCore(coreOptions.dataDir)
        core.sync.start = async () => {
          throw Object.assign(new Error('listen EACCES'), { code: 'EACCES' })
        }
        opened.push({ options: coreOptions, core })
        return core
      },
    })
    expect(failing.outcome).toBe('running')
    expect(logged).toContain('sync with other devices is off: listen EACCES')
  })
})
