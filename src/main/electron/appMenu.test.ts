import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { buildAppMenu, type MenuCommand } from './appMenu'

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
}

/** The shortcuts Electron gives its roles (lib/browser/api/menu-item-roles.ts), per platform. */
function roleAccelerator(role: string, platform: NodeJS.Platform): string | undefined {
  const mac = platform === 'darwin'
  const windows = platform === 'win32'
  const defaults: Record<string, string | undefined> = {
    close: 'CmdOrCtrl+W',
    copy: 'CmdOrCtrl+C',
    cut: 'CmdOrCtrl+X',
    paste: 'CmdOrCtrl+V',
    pasteandmatchstyle: mac ? 'Cmd+Option+Shift+V' : 'Shift+CmdOrCtrl+V',
    selectall: 'CmdOrCtrl+A',
    undo: 'CmdOrCtrl+Z',
    redo: windows ? 'Control+Y' : 'Shift+CmdOrCtrl+Z',
    quit: windows ? undefined : 'CmdOrCtrl+Q',
    hide: 'Command+H',
    hideothers: 'Command+Alt+H',
    minimize: 'CmdOrCtrl+M',
    reload: 'CmdOrCtrl+R',
    forcereload: 'Shift+CmdOrCtrl+R',
    toggledevtools: mac ? 'Alt+Command+I' : 'Ctrl+Shift+I',
    togglefullscreen: mac ? 'Control+Command+F' : 'F11',
    resetzoom: 'CmdOrCtrl+0',
    zoomin: 'CmdOrCtrl+Plus',
    zoomout: 'CmdOrCtrl+-',
  }
  return defaults[role.toLowerCase()]
}

/** One spelling per key combination, as the platform sees it (CmdOrCtrl is Cmd on macOS, Ctrl elsewhere). */
function normalize(accelerator: string, platform: NodeJS.Platform): string {
  const mod = platform === 'darwin' ? 'cmd' : 'ctrl'
  const aliases: Record<string, string> = { cmdorctrl: mod, commandorcontrol: mod, command: 'cmd', control: 'ctrl', option: 'alt' }
  const parts = accelerator.toLowerCase().split('+')
  const key = parts.pop() ?? ''
  return [...parts.map((part) => aliases[part] ?? part).sort(), key].join('+')
}

function menu(platform: NodeJS.Platform, isDev = false) {
  const sent: MenuCommand[] = []
  let bundlesOpened = 0
  const items = flatten(buildAppMenu({ platform, isDev, sendCommand: (command) => sent.push(command), openBundle: () => bundlesOpened++ }))
  const accelerators = items.flatMap((item) => {
    const accelerator = item.accelerator ?? (item.role ? roleAccelerator(item.role, platform) : undefined)
    return accelerator ? [normalize(String(accelerator), platform)] : []
  })
  const click = (label: string) => {
    const item = items.find((candidate) => candidate.label?.replace('&', '') === label)
    if (!item) throw new Error(`no menu item ${label}`)
    ;(item.click as () => void)()
  }
  return { items, sent, click, opened: () => bundlesOpened, accelerators, roles: items.map((item) => item.role).filter(Boolean) }
}

const platforms: NodeJS.Platform[] = ['darwin', 'win32', 'linux']

describe('app menu', () => {
  it('has the usual editing, zoom, fullscreen, window and quit roles', () => {
    for (const platform of platforms) {
      const { roles } = menu(platform)
      for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'minimize', 'close', 'quit', 'about'])
        expect(roles, `${platform} ${role}`).toContain(role)
    }
  })

  it('offers reload and developer tools only in development', () => {
    expect(menu('linux').roles).not.toContain('reload')
    expect(menu('linux').roles).not.toContain('toggleDevTools')
    expect(menu('linux', true).roles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
  })

  it('gives every standard shortcut once, and no two items the same one, on every platform', () => {
    for (const platform of platforms)
      for (const isDev of [false, true]) {
        const { accelerators } = menu(platform, isDev)
        const standard = ['CmdOrCtrl+N', 'CmdOrCtrl+O', 'CmdOrCtrl+,', 'CmdOrCtrl+K', 'CmdOrCtrl+W', 'CmdOrCtrl+Z', 'CmdOrCtrl+X', 'CmdOrCtrl+C', 'CmdOrCtrl+V', 'CmdOrCtrl+A', 'CmdOrCtrl+0', 'CmdOrCtrl+M']
        for (const accelerator of standard) expect(accelerators.filter((a) => a === normalize(accelerator, platform)), `${platform} ${accelerator}`).toHaveLength(1)
        expect(new Set(accelerators).size, `${platform} ${accelerators.join(' ')}`).toBe(accelerators.length)
      }
    // Quit: Cmd+Q on macOS and Ctrl+Q on Linux; Windows has Alt+F4 from the OS and no menu shortcut.
    expect(menu('darwin').accelerators).toContain('cmd+q')
    expect(menu('linux').accelerators).toContain('ctrl+q')
    expect(menu('win32').accelerators).not.toContain('ctrl+q')
    expect(menu('win32').accelerators).toContain('ctrl+y')
  })

  it('sends New Note, Search, Settings and Check for Updates to the page', () => {
    for (const platform of platforms) {
      const { click, sent } = menu(platform)
      click('New Note')
      click('Search…')
      click('Settings…')
      click('Check for Updates…')
      expect(sent, platform).toEqual(['new-note', 'search', 'settings', 'check-for-updates'])
    }
  })

  it('opens bundles in the main process, not through the page', () => {
    const { click, sent, opened } = menu('win32')
    click('Open Bundle…')
    expect(opened()).toBe(1)
    expect(sent).toEqual([])
  })

  it('follows macOS conventions on macOS: an app menu with About, Settings, Services, Hide and Quit', () => {
    const mac = buildAppMenu({ platform: 'darwin', isDev: false, sendCommand: () => {}, openBundle: () => {} })
    const appMenu = mac[0]?.submenu as MenuItemConstructorOptions[]
    expect(appMenu.map((item) => item.role ?? item.label ?? item.type)).toEqual([
      'about', 'separator', 'Settings…', 'separator', 'services', 'separator', 'hide', 'hideOthers', 'unhide', 'separator', 'quit',
    ])
    const file = flatten(mac.find((item) => item.label === '&File')?.submenu as MenuItemConstructorOptions[])
    expect(file.map((item) => item.role).filter(Boolean)).toEqual(['close'])
    expect(mac.find((item) => item.role === 'window')).toBeDefined()
  })

  it('puts Settings in File and About in Help on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const built = buildAppMenu({ platform, isDev: false, sendCommand: () => {}, openBundle: () => {} })
      expect(built[0]?.label).toBe('&File')
      const labels = (name: string) => (built.find((item) => item.label === name)?.submenu as MenuItemConstructorOptions[]).map((item) => item.role ?? item.label ?? item.type)
      expect(labels('&File')).toEqual(['&New Note', '&Open Bundle…', 'separator', 'Se&ttings…', 'separator', 'close', 'quit'])
      expect(labels('&Help')).toEqual(['Check for &Updates…', 'separator', 'about'])
    }
  })
})
