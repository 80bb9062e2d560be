/**
 * "Open Staffroom when I log in", as each OS keeps it. The OS is the source of truth: the teacher
 * can also turn it off in the OS's own settings, so the app asks rather than remembering.
 */
export interface LoginItems {
  /** False where the app cannot register itself (a development build, an OS without a way). */
  readonly supported: boolean
  isEnabled(): Promise<boolean> | boolean
  /** Idempotent; throws if the OS refuses (the caller reports it). */
  setEnabled(enabled: boolean): Promise<void> | void
}

/** The argument a launch at login carries, so the app starts in the background without a window. */
export const hiddenArgument = '--hidden'

/** For platforms with no login items, and for development builds. */
export const unsupportedLoginItems: LoginItems = {
  supported: false,
  isEnabled: () => false,
  setEnabled: () => {
    throw new Error('Opening at login is not available in this build of Staffroom.')
  },
}
