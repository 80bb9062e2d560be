import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { desktopEntryKeys, execValue, stringValue } from './desktopEntry'
import { writeTextFileAtomic } from './jsonFile'
import { hiddenArgument, type LoginItems } from './LoginItems'

export interface XdgAutostartOptions {
  env: Record<string, string | undefined>
  homedir: string
  /** The executable (app.getPath('exe')): the installed binary (deb, rpm), used when not running as an AppImage. */
  execPath: string
  isPackaged: boolean
}

export const autostartFileName = 'org.staffroom.app.desktop'

/** $XDG_CONFIG_HOME/autostart, or ~/.config/autostart (a relative XDG_CONFIG_HOME is invalid per the spec and ignored). */
export function autostartDir(env: Record<string, string | undefined>, homedir: string): string {
  const configHome = env.XDG_CONFIG_HOME
  return path.join(configHome && path.isAbsolute(configHome) ? configHome : path.join(homedir, '.config'), 'autostart')
}

/**
 * Login items on Linux desktops (GNOME, KDE, Xfce…): a .desktop file in the XDG autostart folder.
 * An AppImage's binary lives in a temporary mount that changes every run, so the entry starts the
 * AppImage file itself ($APPIMAGE). The desktop's own settings may turn the entry off
 * (X-GNOME-Autostart-enabled=false, Hidden=true); that counts as off here too.
 */
export class XdgAutostart implements LoginItems {
  readonly supported: boolean
  readonly file: string

  constructor(private readonly options: XdgAutostartOptions) {
    this.supported = options.isPackaged
    this.file = path.join(autostartDir(options.env, options.homedir), autostartFileName)
  }

  isEnabled(): boolean {
    if (!this.supported) return false
    let text: string
    try {
      text = readFileSync(this.file, 'utf8')
    } catch {
      return false
    }
    const keys = desktopEntryKeys(text)
    return keys.get('Hidden') !== 'true' && keys.get('X-GNOME-Autostart-enabled') !== 'false'
  }

  setEnabled(enabled: boolean): void {
    if (!this.supported) throw new Error('Opening at login is not available in a development build.')
    if (enabled) writeTextFileAtomic(this.file, this.entry())
    else rmSync(this.file, { force: true })
  }

  private entry(): string {
    const program = this.options.env.APPIMAGE || this.options.execPath
    return [
      '[Desktop Entry]',
      'Type=Application',
      'Version=1.5',
      `Name=${stringValue('Staffroom')}`,
      `Comment=${stringValue('Starts Staffroom in the background when you log in')}`,
      `Exec=${execValue(program, [hiddenArgument])}`,
      'Terminal=false',
      'X-GNOME-Autostart-enabled=true',
      '',
    ].join('\n')
  }
}
