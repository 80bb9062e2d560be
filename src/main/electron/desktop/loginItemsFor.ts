import { ElectronLoginItems, type LoginItemSettingsPort } from './ElectronLoginItems'
import { hiddenArgument, unsupportedLoginItems, type LoginItems } from './LoginItems'
import { XdgAutostart } from './XdgAutostart'

export interface LoginItemsContext {
  app: LoginItemSettingsPort
  isPackaged: boolean
  execPath: string
  env: Record<string, string | undefined>
  homedir: string
}

/** The login-item mechanism of this OS. */
export function loginItemsFor(platform: NodeJS.Platform, context: LoginItemsContext): LoginItems {
  const { app, isPackaged, execPath, env, homedir } = context
  if (platform === 'darwin' || platform === 'win32') return new ElectronLoginItems(app, { platform, execPath, isPackaged })
  if (platform === 'linux') return new XdgAutostart({ env, homedir, execPath, isPackaged })
  return unsupportedLoginItems
}

/**
 * Whether the login item started this run, so the shell keeps the window hidden (the app still
 * runs: reminders, the badge and sync go on). Windows and Linux pass `--hidden`; macOS cannot pass
 * arguments and says so through wasOpenedAtLogin.
 */
export function startedHidden(argv: readonly string[], context: { platform: NodeJS.Platform; wasOpenedAtLogin: () => boolean }): boolean {
  if (argv.includes(hiddenArgument)) return true
  if (context.platform !== 'darwin') return false
  try {
    return context.wasOpenedAtLogin()
  } catch {
    return false
  }
}
