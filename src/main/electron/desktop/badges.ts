import type { BadgePort } from './DueBadge'

/** A badge the shell can also re-apply when the window appears (the Windows overlay needs a taskbar button). */
export interface DesktopBadge extends BadgePort {
  reapply(): void
}

/** app.setBadgeCount: the macOS dock and Linux launchers that speak the Unity LauncherEntry API. */
export interface AppBadgeApi {
  /** False where the desktop shows no badge. */
  setBadgeCount(count: number): boolean
}

/** The main BrowserWindow's taskbar overlay (Windows). */
export interface OverlayWindowApi<Image> {
  setOverlayIcon(overlay: Image | null, description: string): void
  isDestroyed(): boolean
}

export interface BadgeContext<Image> {
  app: AppBadgeApi
  /** The main window now (none yet, or closed: undefined). */
  window: () => OverlayWindowApi<Image> | undefined
  /** resources/badge-due.png as a nativeImage (opaque here), loaded when first shown. */
  overlayImage: () => Image
  log(message: string): void
}

/** The count on the dock or launcher icon; 0 clears it. Logs once if the desktop shows none. */
export function appBadge(app: AppBadgeApi, log: (message: string) => void): DesktopBadge {
  let told = false
  return {
    setCount: (count) => {
      if (app.setBadgeCount(count) || told) return
      told = true
      log('This desktop shows no badge on the app icon (Linux needs a launcher with badge support; macOS needs permission to notify).')
    },
    reapply: () => {},
  }
}

/**
 * Windows has no number badge: an overlay icon on the taskbar button says something is due, with
 * the count in its description for screen readers. A window started hidden has no taskbar button
 * yet, so the last overlay is set again when the window is shown (reapply).
 */
export class WindowsOverlayBadge<Image> implements DesktopBadge {
  private last: { count: number; description: string } | undefined

  constructor(
    private readonly window: () => OverlayWindowApi<Image> | undefined,
    private readonly image: () => Image,
  ) {}

  setCount(count: number, description: string): void {
    this.last = { count, description }
    this.reapply()
  }

  reapply(): void {
    const window = this.window()
    if (!this.last || !window || window.isDestroyed()) return
    const { count, description } = this.last
    window.setOverlayIcon(count > 0 ? this.image() : null, count > 0 ? description : '')
  }
}

const noBadge: DesktopBadge = { setCount: () => {}, reapply: () => {} }

/** The badge this OS shows. */
export function badgeFor<Image>(platform: NodeJS.Platform, context: BadgeContext<Image>): DesktopBadge {
  if (platform === 'win32') return new WindowsOverlayBadge(context.window, context.overlayImage)
  if (platform === 'darwin' || platform === 'linux') return appBadge(context.app, context.log)
  return noBadge
}
