import type { App, NativeImage, Screen } from 'electron'
import type { AppBadgeApi } from './badges'
import type { LoginItemSettingsPort } from './ElectronLoginItems'
import type { DisplaysPort } from './WindowStateKeeper'

/** The badge image for the Windows taskbar overlay; opaque to everything but Electron. */
export type OverlayImage = NativeImage

/** What the desktop-integration modules need from Electron besides the main window. */
export interface DesktopPorts {
  displays: DisplaysPort
  loginItemSettings: LoginItemSettingsPort
  appBadge: AppBadgeApi
  /** resources/badge-due.png (its @2x beside it), loaded when first needed. */
  overlayImage(): OverlayImage
}

/**
 * Binds the ports to the electron module (index.ts passes it in; this file imports Electron's
 * types only, so nothing here loads Electron in tests). `screen` works only once the app is
 * ready; the ports call it lazily, after that.
 */
export function bindDesktopPorts(electron: { app: App; screen: Screen; nativeImage: { createFromPath(path: string): NativeImage } }, badgeImagePath: string): DesktopPorts {
  const { app, screen, nativeImage } = electron
  let image: NativeImage | undefined
  return {
    displays: {
      workAreas: () => screen.getAllDisplays().map((display) => display.workArea),
      primaryWorkArea: () => screen.getPrimaryDisplay().workArea,
    },
    loginItemSettings: {
      getLoginItemSettings: (options) => app.getLoginItemSettings(options),
      setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
    },
    appBadge: { setBadgeCount: (count) => app.setBadgeCount(count) },
    overlayImage: () => (image ??= nativeImage.createFromPath(badgeImagePath)),
  }
}
