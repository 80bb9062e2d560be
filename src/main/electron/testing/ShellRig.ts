import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ipcChannels } from '@shared/api/wire'
import type { CoreOptions } from '../../core/Core'
import { FakeCore } from '../../serve/testing/FakeCore'
import { ElectronShell, type ElectronShellOptions } from '../ElectronShell'
import { electronSqliteBindingPath } from '../nativeBinding'
import { FakeElectron, type FakeWindow } from './FakeElectron'

export const appUrl = 'app://staffroom/index.html'

/**
 * The real ElectronShell on the in-memory Electron fakes and FakeCores, in a temporary profile.
 * One rig can start several shells in turn on the same profile (a restart).
 */
export class ShellRig {
  readonly workDir = mkdtempSync(path.join(tmpdir(), 'staffroom-electron-'))
  readonly rendererDir = path.join(this.workDir, 'renderer')
  electron = new FakeElectron()
  readonly opened: Array<{ options: CoreOptions; core: FakeCore }> = []
  private readonly shells: ElectronShell[] = []

  constructor() {
    mkdirSync(this.rendererDir)
    writeFileSync(path.join(this.rendererDir, 'index.html'), '<!doctype html><title>Staffroom</title>')
  }

  /** The last core opened. */
  get core(): FakeCore {
    const core = this.opened.at(-1)?.core
    if (!core) throw new Error('no core was opened')
    return core
  }

  /** A core whose dispatch answers `answers[method]` (others echo, as FakeCore does). */
  coreAnswering(answers: Record<string, unknown>): ElectronShellOptions['openCore'] {
    return async (coreOptions) => {
      const core = new FakeCore(coreOptions.dataDir)
      core.dispatch = async (method, args) => {
        if (!Object.hasOwn(answers, method)) return FakeCore.prototype.dispatch.call(core, method, args)
        core.calls.push({ method, args })
        return { ok: true, value: answers[method] }
      }
      this.opened.push({ options: coreOptions, core })
      return core
    }
  }

  options(overrides: Partial<ElectronShellOptions> = {}): ElectronShellOptions {
    return {
      env: { STAFFROOM_DATA_DIR: path.join(this.workDir, 'profile') },
      platform: 'linux',
      homedir: path.join(this.workDir, 'home'),
      electronVersion: '45.5.0',
      preloadPath: '/repo/out/preload/index.cjs',
      rendererDir: this.rendererDir,
      openCore: async (coreOptions) => {
        const core = new FakeCore(coreOptions.dataDir)
        this.opened.push({ options: coreOptions, core })
        return core
      },
      fileExists: (file) => file === electronSqliteBindingPath('/repo', '45.5.0'),
      log: () => {},
      ...overrides,
    }
  }

  async start(overrides: Partial<ElectronShellOptions> = {}) {
    const shell = new ElectronShell(this.electron, this.options(overrides))
    this.shells.push(shell)
    const outcome = await shell.start()
    const window = this.electron.createdWindows.at(-1)
    return { shell, outcome, window, contents: window?.webContents }
  }

  /** Calls the shell as the app's page does (over the one IPC channel, from the app's window). */
  invoke(window: FakeWindow | undefined, method: string, args: unknown = {}): Promise<unknown> {
    if (!window) throw new Error('no window')
    return this.electron.invoke(ipcChannels.invoke, window.webContents, appUrl, method, args)
  }

  /** What the shell sent the page on the event channel, as [event, payload]. */
  pageEvents(window: FakeWindow | undefined, event?: string): Array<[string, unknown]> {
    const sent = (window?.webContents.sent ?? []).filter(({ channel }) => channel === ipcChannels.event)
    const events = sent.map(({ message }) => message as { event: string; payload: unknown }).map(({ event: name, payload }) => [name, payload] as [string, unknown])
    return event ? events.filter(([name]) => name === event) : events
  }

  async cleanup(): Promise<void> {
    // Each shell shuts down the core it opened.
    await Promise.all(this.shells.map((shell) => shell.stop()))
    rmSync(this.workDir, { recursive: true, force: true })
  }
}
