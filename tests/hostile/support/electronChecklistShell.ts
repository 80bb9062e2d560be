import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { BrowserWindowConstructorOptions } from 'electron'
import { ElectronShell, type ElectronShellOptions } from '../../../src/main/electron/ElectronShell'
import { electronSqliteBindingPath } from '../../../src/main/electron/nativeBinding'
import { PdfPrinter } from '../../../src/main/electron/PdfPrinter'
import { FakeElectron } from '../../../src/main/electron/testing/FakeElectron'
import { FakeCore } from '../../../src/main/serve/testing/FakeCore'

export const appStartUrl = 'app://staffroom/index.html'
const electronVersion = '45.5.0'

/** The real ElectronShell, started on the in-memory Electron fakes, as the checklist test examines it. */
export interface StartedShell {
  electron: FakeElectron
  shell: ElectronShell
  core: FakeCore
  workDir: string
  /** Every BrowserWindow the shell makes: the main window and a hidden PDF window (printed once). */
  allWindowOptions(): Promise<Array<{ name: string; options: BrowserWindowConstructorOptions }>>
  close(): Promise<void>
}

export async function startShell(overrides: { devServerUrl?: string; isPackaged?: boolean } = {}): Promise<StartedShell> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'staffroom-electron-checklist-'))
  const rendererDir = path.join(workDir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Staffroom</title>')
  const electron = new FakeElectron()
  // AppPort declares it readonly for the shell; the fake is a plain object.
  ;(electron.app as { isPackaged: boolean }).isPackaged = overrides.isPackaged ?? false
  const cores: FakeCore[] = []
  const options: ElectronShellOptions = {
    env: { STAFFROOM_DATA_DIR: path.join(workDir, 'profile') },
    platform: 'linux',
    homedir: workDir,
    electronVersion,
    preloadPath: '/repo/out/preload/index.cjs',
    rendererDir,
    ...(overrides.devServerUrl ? { devServerUrl: overrides.devServerUrl } : {}),
    openCore: async (coreOptions) => {
      const core = new FakeCore(coreOptions.dataDir)
      cores.push(core)
      return core
    },
    fileExists: (file) => file === electronSqliteBindingPath('/repo', electronVersion),
    log: () => {},
  }
  const shell = new ElectronShell(electron, options)
  const outcome = await shell.start()
  const core = cores[0]
  if (outcome !== 'running' || !core) throw new Error(`the shell did not start: ${outcome}`)
  return {
    electron,
    shell,
    core,
    workDir,
    allWindowOptions: async () => {
      // The PDF window is made by the same PdfPrinter class the shell's export methods use.
      await new PdfPrinter(electron.pdfWindows, workDir).print('<!doctype html><title>Print</title>')
      return [
        ...electron.createdWindows.map((window) => ({ name: 'main window', options: window.options })),
        ...electron.pdfWindowsCreated.map((window) => ({ name: 'PDF window', options: window.options })),
      ]
    },
    close: async () => {
      await shell.stop()
      rmSync(workDir, { recursive: true, force: true })
    },
  }
}
