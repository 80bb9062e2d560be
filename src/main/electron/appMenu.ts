import type { MenuItemConstructorOptions } from 'electron'

/**
 * Commands the menu sends to the renderer, on the same event channel as core events
 * (`window.staffroom.on`), as event 'menu.command' with payload { command }.
 */
export const menuCommandEvent = 'menu.command'
export type MenuCommand = 'new-note' | 'search'

export interface AppMenuOptions {
  platform: NodeJS.Platform
  /** Reload and developer tools exist only in development. */
  isDev: boolean
  sendCommand(command: MenuCommand): void
}

/** The app menu: the usual roles (so shortcuts behave as on every other app) plus Staffroom's own. */
export function buildAppMenu(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin'
  const command = (label: string, accelerator: string, name: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => options.sendCommand(name),
  })
  const devItems: MenuItemConstructorOptions[] = options.isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : []
  return [
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [command('New Note', 'CmdOrCtrl+N', 'new-note'), { type: 'separator' }, mac ? { role: 'close' } : { role: 'quit' }],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { role: 'selectAll' },
        { type: 'separator' },
        command('Search…', 'CmdOrCtrl+K', 'search'),
      ],
    },
    {
      label: '&View',
      submenu: [...devItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ]
}
