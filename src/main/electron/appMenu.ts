import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '@shared/api/events'

export type { MenuCommand }

/**
 * Commands the menu sends to the renderer, on the same event channel as core events
 * (`window.staffroom.on`), as event 'menu.command' with payload { command }.
 */
export const menuCommandEvent = 'menu.command'

export interface AppMenuOptions {
  platform: NodeJS.Platform
  /** Reload and developer tools exist only in development. */
  isDev: boolean
  sendCommand(command: MenuCommand): void
  /** File › Open Bundle…: handled in the main process (a file picker), not by the page. */
  openBundle(): void
}

const separator: MenuItemConstructorOptions = { type: 'separator' }

/**
 * The app menu: Electron's roles for everything standard (so the shortcuts and labels are the
 * platform's own: Cmd+Q and Hide on macOS, Exit on Windows, Ctrl+Y for redo there) plus Staffroom's
 * commands. Each shortcut appears once; appMenu.test.ts checks that against the roles' defaults.
 */
export function buildAppMenu(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin'
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => options.sendCommand(name),
  })
  const settings = command(mac ? 'Settings…' : 'Se&ttings…', 'settings', 'CmdOrCtrl+,')
  const devItems: MenuItemConstructorOptions[] = options.isDev ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator] : []
  const appMenu: MenuItemConstructorOptions = {
    label: 'Staffroom',
    submenu: [
      { role: 'about' },
      separator,
      settings,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  }
  return [
    ...(mac ? [appMenu] : []),
    {
      label: '&File',
      submenu: [
        command('&New Note', 'new-note', 'CmdOrCtrl+N'),
        { label: '&Open Bundle…', accelerator: 'CmdOrCtrl+O', click: () => options.openBundle() },
        separator,
        ...(mac ? [{ role: 'close' } as const] : [settings, separator, { role: 'close' } as const, { role: 'quit' } as const]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { role: 'selectAll' },
        separator,
        command('&Search…', 'search', 'CmdOrCtrl+K'),
      ],
    },
    {
      label: '&View',
      submenu: [...devItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }],
    },
    // Written out rather than role 'windowMenu', whose Close would repeat File's Ctrl+W off macOS.
    mac
      ? { label: 'Window', role: 'window', submenu: [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] }
      : { label: '&Window', submenu: [{ role: 'minimize' }] },
    {
      label: '&Help',
      role: 'help',
      submenu: [command('Check for &Updates…', 'check-for-updates'), ...(mac ? [] : [separator, { role: 'about' } as const])],
    },
  ]
}
