/** setTimeout/clearTimeout, injectable so tests decide when time passes (reminders, badge, window state, updates). */
export interface DesktopTimers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** Real timers that never keep the process alive on quit. */
export const unrefTimers: DesktopTimers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms)
    handle.unref?.()
    return handle
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}
