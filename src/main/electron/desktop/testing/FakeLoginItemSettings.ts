import type { LoginItemSettingsPort } from '../ElectronLoginItems'

/**
 * The OS's login-item store as Electron shows it. On Windows the Run entry holds a command line,
 * and getLoginItemSettings reports openAtLogin only when asked with the same path and arguments.
 */
export class FakeLoginItemSettings implements LoginItemSettingsPort {
  registered: { path: string; args: string[] } | undefined
  wasOpenedAtLogin = false
  readonly calls: unknown[] = []

  constructor(private readonly execPath = '/Applications/Staffroom.app/Contents/MacOS/Staffroom') {}

  getLoginItemSettings(options?: { path?: string; args?: string[] }): { openAtLogin: boolean; wasOpenedAtLogin: boolean } {
    const wanted = { path: options?.path ?? this.execPath, args: options?.args ?? [] }
    const openAtLogin = this.registered !== undefined && JSON.stringify(this.registered) === JSON.stringify(wanted)
    return { openAtLogin, wasOpenedAtLogin: this.wasOpenedAtLogin }
  }

  setLoginItemSettings(settings: { openAtLogin: boolean; path?: string; args?: string[] }): void {
    this.calls.push(settings)
    this.registered = settings.openAtLogin ? { path: settings.path ?? this.execPath, args: settings.args ?? [] } : undefined
  }
}
