import type { DesktopTimers } from '../timers'

/** Timers that fire only when the test says so. */
export class ManualTimers implements DesktopTimers {
  readonly pending: Array<{ callback: () => void; ms: number }> = []
  setTimeout(callback: () => void, ms: number): unknown {
    const timer = { callback, ms }
    this.pending.push(timer)
    return timer
  }
  clearTimeout(handle: unknown): void {
    const index = this.pending.indexOf(handle as (typeof this.pending)[number])
    if (index >= 0) this.pending.splice(index, 1)
  }
  /** Runs the earliest-set pending timer. */
  fireNext(): void {
    this.pending.shift()?.callback()
  }
  /** Runs every timer pending now (not the ones they set). */
  fireAll(): void {
    for (const timer of this.pending.splice(0)) timer.callback()
  }
}
