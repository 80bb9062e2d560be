// Issue 8, point 6: every item of Electron's security checklist
// (https://www.electronjs.org/docs/latest/tutorial/security), checked against the settings and
// handlers the shell really installs. The real ElectronShell runs on the in-memory Electron fakes
// (the Electron binary cannot run here, and the shell keeps every Electron call behind ports);
// the items about URLs and IPC senders are tried with fast-check on many hostile inputs.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { FuseV1Options } from '@electron/fuses'
import fc from 'fast-check'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ipcChannels } from '@shared/api/wire'
import { maxExternalUrlLength } from '@shared/links'
import builderConfig from '../../electron-builder'
import { exportPageContentSecurityPolicy } from '../../src/main/core/spaces/export/projectToHtml'
import { AppOrigin } from '../../src/main/electron/AppOrigin'
import { appSchemePrivileges } from '../../src/main/electron/rendererProtocol'
import { FakeWebContents } from '../../src/main/electron/testing/FakeWebContents'
import { createPreloadBridge, type IpcRendererPort } from '../../src/preload/createPreloadBridge'
import { appStartUrl, startShell, type StartedShell } from './support/electronChecklistShell'
import {
  builderOwnConfig,
  declaredElectronRange,
  electronPermissionNames,
  expectedLatestElectronMajor,
  filesMatching,
  installedElectronVersion,
  parseCsp,
  repoRoot,
  shippedSources,
} from './support/electronChecklistSources'
import { hostileUrl, ipcSender, isAppUrl, mayReachTheOs } from './support/electronChecklistUrls'
import { propertySeed, recordHostileResult, trialCount } from './support/trials'

const checklistItems = 20
const checked = new Set<number>()
const passed = new Set<number>()
const figures = { hostileUrls: 0, openedExternally: 0, ipcSenders: 0, ipcAccepted: 0, permissionsAsked: 0 }
const runs = trialCount({ quick: 200, long: 20_000 })
const started = Date.now()
let app: StartedShell

beforeEach(async () => {
  app = await startShell()
})
afterEach(async () => {
  await app.close()
})
afterAll(() => {
  recordHostileResult({
    id: 'electron-checklist',
    tried: "each item of Electron's security checklist against the shell's real settings, with hostile URLs and IPC senders",
    trials: checked.size,
    failures: checked.size - passed.size,
    durationMs: Date.now() - started,
    figures: { ...figures, checklistItems },
  })
})

/** One checklist item: its number, so the summary can say which ones held. */
function item(number: number, title: string, check: () => Promise<void> | void): void {
  it(`${number}. ${title}`, async () => {
    checked.add(number)
    await check()
    passed.add(number)
  })
}

const property = <T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<void> | void) =>
  fc.assert(fc.asyncProperty(arbitrary, async (value) => void (await check(value))), { numRuns: runs, seed: propertySeed() })

async function webPreferences() {
  return (await app.allWindowOptions()).map(({ name, options }) => ({ name, prefs: options.webPreferences ?? {} }))
}

async function bundleCsp(): Promise<string> {
  const handler = app.electron.protocolHandlers.get(AppOrigin.scheme)
  const page = await handler?.({ url: appStartUrl, method: 'GET' })
  return page?.headers.get('content-security-policy') ?? ''
}

describe("Electron's security checklist", () => {
  item(1, 'only secure content is loaded', async () => {
    expect(app.electron.createdWindows.flatMap((window) => window.loadedUrls)).toEqual([appStartUrl])
    // An environment variable never makes a packaged app, or any app, load a remote or non-loopback page.
    for (const [devServerUrl, isPackaged] of [['http://localhost:5173/', true], ['http://192.168.1.20:5173/', false], ['https://evil.example/', false], ['ftp://127.0.0.1/', false]] as const) {
      const other = await startShell({ devServerUrl, isPackaged })
      expect(other.electron.createdWindows[0]?.loadedUrls, devServerUrl).toEqual([appStartUrl])
      await other.close()
    }
    // What the page may fetch later: no insecure scheme, no wildcard, in any directive.
    for (const [directive, sources] of parseCsp(await bundleCsp()))
      for (const source of sources) expect(source, `${directive} ${source}`).not.toMatch(/^(\*|http:|ws:|ftp:|https?:\/\/|wss?:\/\/)/)
    expect(filesMatching(/certificate-error|ignore-certificate-errors|setCertificateVerifyProc|allow-insecure-localhost/)).toEqual([])
  })

  item(2, 'no Node.js integration in any renderer', async () => {
    for (const { name, prefs } of await webPreferences()) {
      expect(prefs, name).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false })
    }
    const [main, pdf] = await webPreferences()
    expect(main?.prefs.preload).toBe('/repo/out/preload/index.cjs')
    expect(pdf?.prefs.preload, 'the PDF window needs no preload').toBeUndefined()
  })

  item(3, 'context isolation in every renderer', async () => {
    for (const { name, prefs } of await webPreferences()) expect(prefs.contextIsolation, name).toBe(true)
  })

  item(4, 'process sandboxing in every renderer', async () => {
    for (const { name, prefs } of await webPreferences()) expect(prefs.sandbox, name).toBe(true)
    expect(filesMatching(/no-sandbox|disable-gpu-sandbox|appendSwitch\(/)).toEqual([])
  })

  item(5, 'session permission requests are handled: all refused but the one the app uses', async () => {
    const { permissionRequest, permissionCheck } = app.electron
    if (!permissionRequest || !permissionCheck) throw new Error('no permission handlers on the session')
    const names = [...electronPermissionNames(), 'unknown-future-permission', '', 'CLIPBOARD-SANITIZED-WRITE']
    const granted: string[] = []
    for (const name of names) {
      figures.permissionsAsked++
      permissionRequest(name, (answer) => void (answer && granted.push(name)))
      expect(permissionCheck(name), name).toBe(name === 'clipboard-sanitized-write')
    }
    expect(granted).toEqual(['clipboard-sanitized-write'])
    expect(names.length).toBeGreaterThan(30)
    // One session only: no window asks for a partition or session of its own, so these handlers cover all of them.
    for (const { name, prefs } of await webPreferences()) expect([prefs.partition, prefs.session], name).toEqual([undefined, undefined])
    expect(filesMatching(/fromPartition\(|session\.fromPath\(/)).toEqual([])
  })

  item(6, 'webSecurity is never disabled', async () => {
    for (const { name, prefs } of await webPreferences()) expect(prefs.webSecurity, name).toBe(true)
  })

  item(7, 'a restrictive Content-Security-Policy on every page', async () => {
    const csp = parseCsp(await bundleCsp())
    expect(csp.get('default-src')).toEqual(["'self'"])
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"])
    for (const directive of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) expect(csp.get(directive), directive).toEqual(["'none'"])
    // The dev server's pages get the same policy as a header, replacing whatever the server sent.
    let headers: Record<string, string[] | string> | undefined
    app.electron.headersListener?.({ url: 'http://localhost:5173/', resourceType: 'mainFrame', responseHeaders: { 'Content-Security-Policy': ['default-src *'] } }, (r) => (headers = r.responseHeaders))
    expect(Object.keys(headers ?? {})).toEqual(['Content-Security-Policy'])
    expect(parseCsp(String(headers?.['Content-Security-Policy'])).get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"])
    // The page printed to PDF carries its own: no scripts, no requests.
    expect(parseCsp(exportPageContentSecurityPolicy).get('default-src')).toEqual(["'none'"])
  })

  item(8, 'allowRunningInsecureContent is off', async () => {
    for (const { name, prefs } of await webPreferences()) expect(prefs.allowRunningInsecureContent, name).toBe(false)
  })

  item(9, 'experimental features are off', async () => {
    for (const { name, prefs } of await webPreferences()) expect(prefs.experimentalFeatures, name).toBe(false)
  })

  item(10, 'enableBlinkFeatures is not used', async () => {
    for (const { name, prefs } of await webPreferences()) expect(prefs.enableBlinkFeatures, name).toBeUndefined()
    expect(filesMatching(/enableBlinkFeatures|enable-blink-features/)).toEqual([])
  })

  item(11, '<webview>: not used, so no allowpopups', async () => {
    for (const { name, prefs } of await webPreferences()) expect(prefs.webviewTag, name).toBe(false)
    expect(filesMatching(/<webview|allowpopups/i, 'src/renderer/')).toEqual([])
  })

  item(12, '<webview>: every attach is refused, on every web contents', async () => {
    const later = new FakeWebContents()
    app.electron.emitWebContentsCreated(later)
    for (const contents of [app.electron.createdWindows[0]?.webContents, later]) {
      expect(contents?.listenerCount('will-attach-webview')).toBe(1)
      expect(contents?.attachWebview()).toBe(true)
    }
  })

  item(13, 'navigation is limited to the app', async () => {
    const contents = app.electron.createdWindows[0]?.webContents
    if (!contents) throw new Error('no window')
    await property(hostileUrl, (url) => {
      figures.hostileUrls++
      for (const event of ['will-navigate', 'will-redirect'] as const) expect(contents.navigate(event, url), `${event} ${JSON.stringify(url)}`).toBe(!isAppUrl(url))
    })
    expect(contents.navigate('will-navigate', `${appStartUrl}#/notes/1`)).toBe(false)
  })

  item(14, 'new windows are never created', async () => {
    const contents = app.electron.createdWindows[0]?.webContents
    await property(hostileUrl, (url) => {
      figures.hostileUrls++
      expect(contents?.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    })
    expect(app.electron.createdWindows).toHaveLength(1)
  })

  item(15, 'shell.openExternal only gets https and mailto links, as parsed', async () => {
    const contents = app.electron.createdWindows[0]?.webContents
    if (!contents) throw new Error('no window')
    await property(hostileUrl, async (url) => {
      const before = app.electron.openedExternally.length
      contents.windowOpenHandler?.({ url })
      contents.navigate('will-navigate', url)
      await Promise.resolve()
      const opened = app.electron.openedExternally.slice(before)
      figures.openedExternally += opened.length
      // Both the window.open and the navigation hand an allowed link over (it is never the app's own page).
      expect(opened, JSON.stringify(url)).toEqual(mayReachTheOs(url) ? [new URL(url).href, new URL(url).href] : [])
      for (const href of opened) expect(href.length).toBeLessThanOrEqual(maxExternalUrlLength)
    })
    // The guard is the only caller: nothing else hands the OS a URL.
    expect(filesMatching(/\.openExternal\(/).sort()).toEqual(['src/main/electron/index.ts', 'src/main/electron/navigationGuard.ts'])
  })

  item(16, 'a current Electron', () => {
    const installed = installedElectronVersion()
    const [major = 0] = installed.split('.').map(Number)
    const range = declaredElectronRange()
    expect(range, 'a caret range on one major').toMatch(new RegExp(`^\\^${major}\\.`))
    expect(installed, 'a stable release').toMatch(/^\d+\.\d+\.\d+$/)
    // Electron supports its latest three majors; one more cycle of slack for releases that slip.
    const oldestSupported = expectedLatestElectronMajor(new Date()) - 2
    expect(major, `Electron ${installed} is out of support; upgrade to ${oldestSupported} or later`).toBeGreaterThanOrEqual(oldestSupported - 1)
  })

  item(17, 'the sender of every IPC message is validated', async () => {
    const trusted = app.electron.createdWindows[0]?.webContents.id
    if (trusted === undefined) throw new Error('no window')
    const channels = [...app.electron.handlers.keys()]
    expect(channels).toEqual([ipcChannels.invoke])
    expect(filesMatching(/ipcMain\.on\(|ipcMain\.once\(/)).toEqual([])
    await property(ipcSender(trusted), async (sender) => {
      figures.ipcSenders++
      const before = app.core.calls.length
      const result = await app.electron.handlers.get(ipcChannels.invoke)?.(sender, 'notes.list', {})
      const mayTalk = sender.sender.id === trusted && sender.senderFrame !== null && sender.senderFrame.parent === null && isAppUrl(sender.senderFrame.url)
      if (mayTalk) figures.ipcAccepted++
      expect(result, JSON.stringify(sender)).toMatchObject(mayTalk ? { ok: true } : { ok: false, error: { code: 'unauthorized' } })
      expect(app.core.calls.length - before).toBe(mayTalk ? 1 : 0)
    })
  })

  item(18, 'no file:// for the app: a custom protocol with minimal privileges', async () => {
    expect(app.electron.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { ...appSchemePrivileges } }])
    expect(Object.keys(appSchemePrivileges).sort()).toEqual(['secure', 'standard', 'stream', 'supportFetchAPI'])
    expect(filesMatching(/\.loadFile\(|loadURL\(['"`]file:/).sort()).toEqual(['src/main/electron/PdfPrinter.ts', 'src/main/electron/index.ts'])
    // The one file:// page: the hidden PDF window, scripts and images off, a private temp file removed after.
    const [, pdf] = await app.allWindowOptions()
    expect(pdf?.options.webPreferences).toMatchObject({ javascript: false, images: false })
    const printed = app.electron.pdfWindowsCreated[0]?.loadedFiles[0] ?? ''
    expect(path.dirname(path.dirname(printed))).toBe(app.workDir)
    expect(existsSync(printed)).toBe(false)
    expect(builderConfig.electronFuses?.grantFileProtocolExtraPrivileges).toBe(false)
  })

  item(19, 'the packaged app flips every fuse to its safe side', async () => {
    const safe: Record<string, boolean> = {
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    }
    // Read as electron-builder itself finds and reads it (no --config), so the file's name and form are right too.
    const { configFile, result } = await builderOwnConfig()
    expect(path.relative(repoRoot, configFile ?? '')).toBe('electron-builder.ts')
    expect(result.electronFuses).toEqual(builderConfig.electronFuses)
    const fuses = result.electronFuses as Record<string, boolean> | undefined
    // Every fuse @electron/fuses knows must be decided, so a new one fails here until it is.
    const known = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)))
    expect(known.sort()).toEqual(Object.keys(safe).sort())
    for (const fuse of known) expect(fuses?.[fuse[0]?.toLowerCase() + fuse.slice(1)], fuse).toBe(safe[fuse])
    expect(result.asar).toBe(true)
    expect(result.asarUnpack).toContain('node_modules/better-sqlite3/**/*')
    // With runAsNode off, child_process.fork of the app itself stops working: the shipped code never
    // does it. Naming the executable is fine (the login item and the protocol client register it);
    // running it as a child is not.
    expect(filesMatching(/\bfork\(|ELECTRON_RUN_AS_NODE|\b(spawn|spawnSync|execFile|execFileSync)\(\s*process\.execPath/)).toEqual([])
  })

  item(20, 'no Electron API reaches the page', async () => {
    const preload = shippedSources().find(({ file }) => file === 'src/preload/index.ts')?.text ?? ''
    expect([...preload.matchAll(/exposeInMainWorld\(/g)]).toHaveLength(1)
    expect(preload).toMatch(/exposeInMainWorld\('staffroom', createPreloadBridge\(ipcRenderer\)\)/)
    const invoked: unknown[][] = []
    const fakeIpc: IpcRendererPort = { invoke: async (...args) => void invoked.push(args), on: () => undefined, removeListener: () => undefined }
    const bridge = createPreloadBridge(fakeIpc)
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on'])
    // Whatever the page passes, it cannot pick a channel: every call goes to the one RPC channel.
    await property(fc.tuple(fc.oneof(fc.string(), fc.constantFrom(...Object.values(ipcChannels))), fc.anything()), async ([method, args]) => {
      invoked.length = 0
      await bridge.invoke(method, args)
      expect(invoked.map(([channel]) => channel)).toEqual([ipcChannels.invoke])
    })
  })
})
