import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ElectronShell } from './ElectronShell'
import { ShellRig } from './testing/ShellRig'
import type { FakeWindow } from './testing/FakeElectron'

const exe = '/repo/node_modules/electron/dist/electron'
const link = 'staffroom://invite/SR1.eyJ2IjoxfQ'
const acceptInvite = { target: { section: 'accept-invite', code: 'SR1.eyJ2IjoxfQ' } }
const imported = { documentId: 'd1', url: 'automerge:d1', kind: 'note', title: 'Term plan', outcome: 'added', exportedAt: 1, exportedBy: 'DEV' }

let rig: ShellRig
beforeEach(() => {
  rig = new ShellRig()
})
afterEach(() => rig.cleanup())

/** The page loads, connects, subscribes to 'shell.open' and says so, as the app does on start. */
async function pageUp(window: FakeWindow | undefined): Promise<void> {
  window?.webContents.emit('did-finish-load')
  await rig.invoke(window, 'desktop.pageReady')
}
const opens = (window: FakeWindow | undefined) => rig.pageEvents(window, 'shell.open').map(([, payload]) => payload)
const imports = () => rig.core.calls.filter((call) => call.method === 'bundles.import')
const importingCore = () => rig.coreAnswering({ 'bundles.import': imported })

describe('Electron shell: links and bundle files open the running instance', () => {
  it('registers as the staffroom:// handler (this checkout, in development)', async () => {
    await rig.start()
    expect(rig.electron.protocolClients).toEqual([['staffroom', exe, [path.resolve('/repo')]]])
  })

  it('opens an invite link of the first launch once the app in the page is up, never before, and accepts nothing', async () => {
    const { shell, window } = await rig.start({ argv: [exe, '/repo', '--hidden', link] })
    await shell.openRequestsHandled()
    window?.webContents.emit('did-finish-load')
    await shell.openRequestsHandled()
    // Loaded is not enough, nor is a request: the app subscribes to 'shell.open' only once it has
    // connected, and says so with desktop.pageReady.
    expect(opens(window)).toEqual([])
    await rig.invoke(window, 'storage.status')
    await shell.openRequestsHandled()
    expect(opens(window)).toEqual([])
    await rig.invoke(window, 'desktop.pageReady')
    await shell.openRequestsHandled()
    expect(opens(window)).toEqual([acceptInvite])
    expect(window?.focused).toBe(1)
    expect(rig.core.calls.map((call) => call.method)).toEqual(['keepingInTouch.overview', 'storage.status'])
  })

  it('brings the window forward on a second launch and opens the link it was given', async () => {
    const { shell, window } = await rig.start()
    if (!window) throw new Error('no window')
    await pageUp(window)
    window.minimized = true
    rig.electron.emitSecondInstance([exe, '/repo', '--no-sandbox', '--', link], '/home/teacher')
    await shell.openRequestsHandled()
    expect(window.minimized).toBe(false)
    expect(opens(window)).toEqual([acceptInvite])
  })

  it('takes a macOS open-url that comes before the app is ready', async () => {
    const release = rig.electron.holdReady()
    const shell = new ElectronShell(rig.electron, rig.options({ platform: 'darwin' }))
    const starting = shell.start()
    expect(rig.electron.emitOpen('open-url', link)).toBe(true)
    expect(rig.electron.createdWindows).toHaveLength(0)
    release()
    expect(await starting).toBe('running')
    const window = rig.electron.createdWindows[0]
    await pageUp(window)
    await shell.openRequestsHandled()
    expect(opens(window)).toEqual([acceptInvite])
    await shell.stop()
  })

  it('imports a bundle file opened from the OS and tells the page what came of it', async () => {
    const file = path.join(rig.workDir, 'Term plan.staffroom')
    writeFileSync(file, 'BUNDLE')
    const { shell, window } = await rig.start({ openCore: importingCore() })
    await pageUp(window)
    expect(rig.electron.emitOpen('open-file', file)).toBe(true)
    await shell.openRequestsHandled()
    expect(imports()).toEqual([{ method: 'bundles.import', args: { base64: Buffer.from('BUNDLE').toString('base64') } }])
    expect(opens(window)).toEqual([{ target: { section: 'bundle-opened', fileName: 'Term plan.staffroom', result: imported } }])
  })

  it('opens a bundle file given on the command line, and ignores files that are not bundles or do not exist', async () => {
    writeFileSync(path.join(rig.workDir, 'Circle.staffroom'), 'BUNDLE')
    writeFileSync(path.join(rig.workDir, 'notes.txt'), 'x')
    const exists = rig.options().fileExists
    const { shell, window } = await rig.start({
      openCore: importingCore(),
      argv: [exe, '/repo', 'notes.txt', 'Circle.staffroom', 'Missing.staffroom'],
      cwd: rig.workDir,
      fileExists: (candidate) => exists(candidate) || existsSync(candidate),
    })
    await pageUp(window)
    await shell.openRequestsHandled()
    expect(opens(window)).toEqual([{ target: { section: 'bundle-opened', fileName: 'Circle.staffroom', result: imported } }])
  })

  it('File › Open Bundle… picks a file in a main-process dialog and imports it; a refusal names the file', async () => {
    const { shell, window } = await rig.start({ openCore: importingCore() })
    await pageUp(window)
    const items = (rig.electron.menuTemplate ?? []).flatMap((item) => (Array.isArray(item.submenu) ? item.submenu : []))
    const openBundle = items.find((item) => item.accelerator === 'CmdOrCtrl+O')
    rig.electron.nextOpenDialog = { canceled: false, filePaths: [path.join(rig.workDir, 'Vanished.staffroom')] }
    ;(openBundle?.click as () => void)()
    await vi.waitFor(() => expect(rig.electron.openDialogs).toHaveLength(1))
    await shell.openRequestsHandled()
    expect(opens(window)).toEqual([
      { target: { section: 'bundle-refused', fileName: 'Vanished.staffroom', message: 'Staffroom cannot find “Vanished.staffroom”: it may have been moved or deleted.' } },
    ])
    expect(imports()).toEqual([])
  })

  it('ignores hostile links from another launch, and logs them', async () => {
    const logged: string[] = []
    const { shell, window } = await rig.start({ log: (message) => logged.push(message) })
    await pageUp(window)
    rig.electron.emitSecondInstance([exe, '/repo', 'staffroom:javascript:alert(1)', `staffroom://invite/SR1.${'A'.repeat(5000)}`])
    await shell.openRequestsHandled()
    expect(opens(window)).toEqual([])
    expect(logged.filter((line) => line.startsWith('ignored the link'))).toHaveLength(2)
  })
})
