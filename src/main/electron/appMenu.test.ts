import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { buildAppMenu, type MenuCommand } from './appMenu'

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
}

function menu(platform: NodeJS.Platform, isDev: boolean) {
  const sent: MenuCommand[] = []
  const items = flatten(buildAppMenu({ platform, isDev, sendCommand: (command) => sent.push(command) }))
  return { items, sent, roles: items.map((item) => item.role).filter(Boolean) }
}

describe('app menu', () => {
  it('has the usual editing, zoom, fullscreen and quit roles', () => {
    const { roles } = menu('linux', false)
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'quit'])
      expect(roles).toContain(role)
  })

  it('offers reload and developer tools only in development', () => {
    expect(menu('linux', false).roles).not.toContain('reload')
    expect(menu('linux', false).roles).not.toContain('toggleDevTools')
    expect(menu('linux', true).roles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
  })

  it('sends New Note (Mod+N) and Search (Mod+K) to the renderer', () => {
    const { items, sent } = menu('win32', false)
    const newNote = items.find((item) => item.accelerator === 'CmdOrCtrl+N')
    const search = items.find((item) => item.accelerator === 'CmdOrCtrl+K')
    ;(newNote?.click as () => void)()
    ;(search?.click as () => void)()
    expect(sent).toEqual(['new-note', 'search'])
  })

  it('follows macOS conventions on macOS', () => {
    const { roles } = menu('darwin', false)
    expect(roles).toContain('appMenu')
    expect(roles).toContain('close')
  })
})
