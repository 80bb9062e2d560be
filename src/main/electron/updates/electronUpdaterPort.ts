import electronUpdater from 'electron-updater'
import type { ShellLog } from '../navigationGuard'
import { updaterLogger } from './updaterLogger'
import type { UpdaterPort } from './UpdaterPort'

/**
 * The real updater: electron-updater's autoUpdater, logging through the shell. Only index.ts
 * imports this file, and only UpdateService calls it (in a packaged app): reading `autoUpdater`
 * builds the platform's updater, which needs Electron. Its behaviour behind the port is what
 * testing/FakeUpdater.ts copies.
 */
export function electronUpdaterPort(log: ShellLog): UpdaterPort {
  // electron-updater is CommonJS and defines autoUpdater with a getter that Node's ESM loader cannot
  // see as a named export, so it is read from the default export (module.exports).
  const { autoUpdater } = electronUpdater
  autoUpdater.logger = updaterLogger(log)
  // The compiler checks here that AppUpdater has everything the port says.
  const port: UpdaterPort = autoUpdater
  return port
}
