import os from 'node:os'
import path from 'node:path'

/** What decides where a profile lives; a parameter so each platform is testable on any machine. */
export interface ProfileDirEnvironment {
  env: Record<string, string | undefined>
  platform: NodeJS.Platform
  homedir: string
}

export const appFolderName = 'Staffroom'

function currentEnvironment(): ProfileDirEnvironment {
  return { env: process.env, platform: process.platform, homedir: os.homedir() }
}

/**
 * The profile folder both shells use when none is given: STAFFROOM_DATA_DIR, else the OS's
 * per-user app-data folder (the same place Electron's `app.getPath('userData')` would pick).
 */
export function defaultProfileDir(environment: ProfileDirEnvironment = currentEnvironment()): string {
  const { env, platform, homedir } = environment
  if (env.STAFFROOM_DATA_DIR) return path.resolve(env.STAFFROOM_DATA_DIR)
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(homedir, 'AppData', 'Roaming')
    return path.win32.join(appData, appFolderName)
  }
  if (platform === 'darwin') return path.posix.join(homedir, 'Library', 'Application Support', appFolderName)
  const configHome = env.XDG_CONFIG_HOME && path.posix.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.posix.join(homedir, '.config')
  return path.posix.join(configHome, appFolderName)
}
