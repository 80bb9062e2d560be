import type { Logger } from 'electron-updater'
import type { ShellLog } from '../navigationGuard'

function text(message: unknown): string {
  if (message instanceof Error) return message.stack ?? `${message.name}: ${message.message}`
  return typeof message === 'string' ? message : String(message)
}

/**
 * electron-updater's `logger`, writing through the shell's log. Its info lines (checking, found
 * version, downloading from) are few and say what the updater did; debug lines are left out.
 */
export function updaterLogger(log: ShellLog): Logger {
  return {
    info: (message?: unknown) => log(`updater: ${text(message)}`),
    warn: (message?: unknown) => log(`updater warning: ${text(message)}`),
    error: (message?: unknown) => log(`updater error: ${text(message)}`),
  }
}
