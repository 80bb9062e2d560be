import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../core/testing/tempDir'
import { desktopEntryKeys } from './desktopEntry'
import { ElectronLoginItems } from './ElectronLoginItems'
import type { LoginItems } from './LoginItems'
import { loginItemsFor, startedHidden } from './loginItemsFor'
import { FakeLoginItemSettings } from './testing/FakeLoginItemSettings'
import { XdgAutostart } from './XdgAutostart'

const winExe = 'C:\\Users\\Ada\\AppData\\Local\\Programs\\Staffroom\\Staffroom.exe'

let temp: ReturnType<typeof makeTempDir>
beforeEach(() => (temp = makeTempDir()))
afterEach(() => temp.remove())

/** Each adapter over one "OS" that outlives adapter instances: a fake Electron store, or a real folder. */
const adapters: Array<[string, () => () => LoginItems]> = [
  ['Electron on macOS', () => {
    const os = new FakeLoginItemSettings()
    return () => new ElectronLoginItems(os, { platform: 'darwin', execPath: '/Applications/Staffroom.app/Contents/MacOS/Staffroom', isPackaged: true })
  }],
  ['Electron on Windows', () => {
    const os = new FakeLoginItemSettings(winExe)
    return () => new ElectronLoginItems(os, { platform: 'win32', execPath: winExe, isPackaged: true })
  }],
  ['XDG autostart on Linux', () => {
    const env = { XDG_CONFIG_HOME: path.join(temp.dir, 'config'), APPIMAGE: '/home/ada/Apps/Staffroom.AppImage' }
    return () => new XdgAutostart({ env, homedir: temp.dir, execPath: '/tmp/.mount_Staff/staffroom', isPackaged: true })
  }],
]

describe.each(adapters)('login items contract: %s', (_name, setUp) => {
  let fresh: () => LoginItems
  beforeEach(() => (fresh = setUp()))

  it('is supported, and off by default', async () => {
    const items = fresh()
    expect(items.supported).toBe(true)
    expect(await items.isEnabled()).toBe(false)
  })

  it('is on after enabling and off after disabling, as often as asked', async () => {
    const items = fresh()
    await items.setEnabled(true)
    expect(await items.isEnabled()).toBe(true)
    await items.setEnabled(true)
    expect(await items.isEnabled()).toBe(true)
    await items.setEnabled(false)
    expect(await items.isEnabled()).toBe(false)
    await items.setEnabled(false)
    expect(await items.isEnabled()).toBe(false)
  })

  it('is read from the OS, so a new instance (the next run) sees it', async () => {
    await fresh().setEnabled(true)
    expect(await fresh().isEnabled()).toBe(true)
    await fresh().setEnabled(false)
    expect(await fresh().isEnabled()).toBe(false)
  })
})

describe('login items per platform', () => {
  it('registers the Windows exe with --hidden, and asks with the same command line', () => {
    const os = new FakeLoginItemSettings(winExe)
    const items = new ElectronLoginItems(os, { platform: 'win32', execPath: winExe, isPackaged: true })
    items.setEnabled(true)
    expect(os.calls).toEqual([{ openAtLogin: true, path: winExe, args: ['--hidden'] }])
    expect(os.getLoginItemSettings().openAtLogin).toBe(false)
  })

  it('uses the plain modern macOS login item (no openAsHidden, no arguments)', () => {
    const os = new FakeLoginItemSettings()
    new ElectronLoginItems(os, { platform: 'darwin', execPath: '/x', isPackaged: true }).setEnabled(true)
    expect(os.calls).toEqual([{ openAtLogin: true }])
  })

  it('writes an autostart entry that starts the AppImage hidden, quoted per the Desktop Entry spec', () => {
    const env = { XDG_CONFIG_HOME: path.join(temp.dir, 'config'), APPIMAGE: '/home/ada/My Apps/Staff$room "v1" 100%.AppImage' }
    const items = new XdgAutostart({ env, homedir: temp.dir, execPath: '/tmp/.mount_x/staffroom', isPackaged: true })
    items.setEnabled(true)
    expect(items.file).toBe(path.join(temp.dir, 'config', 'autostart', 'org.staffroom.app.desktop'))
    const keys = desktopEntryKeys(readFileSync(items.file, 'utf8'))
    expect(keys.get('Exec')).toBe('"/home/ada/My Apps/Staff\\\\$room \\\\"v1\\\\" 100%%.AppImage" --hidden')
    expect(keys.get('Type')).toBe('Application')
    expect(keys.get('X-GNOME-Autostart-enabled')).toBe('true')
  })

  it('starts the installed binary, unquoted when plain, outside an AppImage; ~/.config without XDG_CONFIG_HOME', () => {
    const items = new XdgAutostart({ env: { XDG_CONFIG_HOME: 'relative/ignored' }, homedir: temp.dir, execPath: '/opt/Staffroom/staffroom', isPackaged: true })
    items.setEnabled(true)
    expect(items.file).toBe(path.join(temp.dir, '.config', 'autostart', 'org.staffroom.app.desktop'))
    expect(desktopEntryKeys(readFileSync(items.file, 'utf8')).get('Exec')).toBe('/opt/Staffroom/staffroom --hidden')
  })

  it('counts an entry the desktop settings turned off as off', () => {
    const items = new XdgAutostart({ env: {}, homedir: temp.dir, execPath: '/opt/Staffroom/staffroom', isPackaged: true })
    items.setEnabled(true)
    writeFileSync(items.file, readFileSync(items.file, 'utf8').replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false'))
    expect(items.isEnabled()).toBe(false)
  })

  it('is not supported in a development build, nor on other platforms', () => {
    const context = { app: new FakeLoginItemSettings(), isPackaged: false, execPath: '/x', env: {}, homedir: temp.dir }
    for (const platform of ['darwin', 'win32', 'linux', 'freebsd'] as const) {
      const items = loginItemsFor(platform, context)
      expect(items.supported).toBe(false)
      expect(items.isEnabled()).toBe(false)
      expect(() => items.setEnabled(true)).toThrow(/not available/)
    }
    expect(loginItemsFor('linux', { ...context, isPackaged: true })).toBeInstanceOf(XdgAutostart)
    expect(loginItemsFor('win32', { ...context, isPackaged: true })).toBeInstanceOf(ElectronLoginItems)
  })

  it('tells a launch by the login item: --hidden, or macOS wasOpenedAtLogin', () => {
    const never = () => false
    expect(startedHidden(['/opt/Staffroom/staffroom', '--hidden'], { platform: 'linux', wasOpenedAtLogin: never })).toBe(true)
    expect(startedHidden(['/opt/Staffroom/staffroom'], { platform: 'linux', wasOpenedAtLogin: () => true })).toBe(false)
    expect(startedHidden(['/Applications/Staffroom.app/Contents/MacOS/Staffroom'], { platform: 'darwin', wasOpenedAtLogin: () => true })).toBe(true)
    expect(startedHidden(['/Applications/Staffroom.app/Contents/MacOS/Staffroom'], { platform: 'darwin', wasOpenedAtLogin: never })).toBe(false)
    expect(startedHidden(['x'], { platform: 'darwin', wasOpenedAtLogin: () => { throw new Error('not on this macOS') } })).toBe(false)
  })
})
