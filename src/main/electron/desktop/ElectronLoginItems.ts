import { hiddenArgument, type LoginItems } from './LoginItems'

/** Electron's app.getLoginItemSettings / app.setLoginItemSettings, as far as this app uses them. */
export interface LoginItemSettingsPort {
  getLoginItemSettings(options?: { path?: string; args?: string[] }): { openAtLogin: boolean; wasOpenedAtLogin?: boolean }
  setLoginItemSettings(settings: { openAtLogin: boolean; path?: string; args?: string[] }): void
}

export interface ElectronLoginItemsOptions {
  platform: 'darwin' | 'win32'
  /** The installed Staffroom.exe on Windows (app.getPath('exe')). */
  execPath: string
  isPackaged: boolean
}

/**
 * Login items on macOS and Windows, through Electron. On Windows the Run registry entry starts
 * the exe with `--hidden`, and Electron compares path and arguments when asked, so both calls pass
 * the same ones. On macOS (13 and later, SMAppService's main-app service) there are no arguments
 * and no "open hidden" option any more; the shell checks wasOpenedAtLogin instead (startedHidden).
 * A development build is not registered: the login item would start the bare Electron binary.
 */
export class ElectronLoginItems implements LoginItems {
  readonly supported: boolean

  constructor(
    private readonly app: LoginItemSettingsPort,
    private readonly options: ElectronLoginItemsOptions,
  ) {
    this.supported = options.isPackaged
  }

  isEnabled(): boolean {
    if (!this.supported) return false
    return this.app.getLoginItemSettings(this.launch()).openAtLogin
  }

  setEnabled(enabled: boolean): void {
    if (!this.supported) throw new Error('Opening at login is not available in a development build.')
    this.app.setLoginItemSettings({ openAtLogin: enabled, ...this.launch() })
  }

  private launch(): { path?: string; args?: string[] } {
    return this.options.platform === 'win32' ? { path: this.options.execPath, args: [hiddenArgument] } : {}
  }
}
