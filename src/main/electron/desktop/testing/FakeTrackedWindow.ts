import type { Rectangle } from '../windowPlacement'
import type { TrackedWindowEvent, TrackedWindowPort } from '../WindowStateKeeper'

/** A window that moves, resizes and maximizes as the test says, and emits what Electron would. */
export class FakeTrackedWindow implements TrackedWindowPort {
  maximized = false
  fullScreen = false
  destroyed = false
  protected readonly listeners = new Map<string, Array<() => void>>()

  constructor(public normalBounds: Rectangle) {}

  getNormalBounds(): Rectangle {
    return { ...this.normalBounds }
  }
  isMaximized(): boolean {
    return this.maximized
  }
  isFullScreen(): boolean {
    return this.fullScreen
  }
  maximize(): void {
    this.maximized = true
    this.emit('maximize')
  }
  setFullScreen(flag: boolean): void {
    this.fullScreen = flag
    this.emit(flag ? 'enter-full-screen' : 'leave-full-screen')
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  on(event: TrackedWindowEvent | string, listener: () => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
  }
  emit(event: TrackedWindowEvent | string): void {
    for (const listener of this.listeners.get(event) ?? []) listener()
  }
  /** The user drags the window's edge or title bar. */
  moveTo(bounds: Rectangle): void {
    this.normalBounds = bounds
    this.emit('resize')
    this.emit('move')
  }
}
