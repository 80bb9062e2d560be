import type { DesktopPorts, OverlayImage } from '../desktopPorts'
import type { Rectangle } from '../windowPlacement'
import { FakeLoginItemSettings } from './FakeLoginItemSettings'

/** Electron's screen, login items and app badge, in memory; for the shell's FakeElectron too. */
export class FakeDesktopPorts implements DesktopPorts {
  workAreas: Rectangle[] = [{ x: 0, y: 0, width: 1920, height: 1040 }]
  readonly loginItemSettings: FakeLoginItemSettings
  readonly badgeCounts: number[] = []
  badgeSupported = true
  /** Stands in for the nativeImage of resources/badge-due.png. */
  readonly image = { fakeImage: 'badge-due.png' } as unknown as OverlayImage

  constructor(execPath?: string) {
    this.loginItemSettings = new FakeLoginItemSettings(execPath)
  }

  readonly displays = {
    workAreas: () => this.workAreas.map((area) => ({ ...area })),
    primaryWorkArea: () => ({ ...(this.workAreas[0] ?? { x: 0, y: 0, width: 1920, height: 1040 }) }),
  }

  readonly appBadge = {
    setBadgeCount: (count: number) => {
      this.badgeCounts.push(count)
      return this.badgeSupported
    },
  }

  overlayImage(): OverlayImage {
    return this.image
  }
}
