import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { ApiError } from '@shared/errors'
import { migrate } from './migrate'

export const databaseFileName = 'staffroom.sqlite'

export interface OpenDatabaseOptions {
  /** The profile folder; created if missing. */
  dataDir: string
  /** better-sqlite3 native module built for another ABI (Electron). */
  nativeBinding?: string
  /** How long to wait for a lock before giving up. Small: the only other holder is another process. */
  busyTimeoutMs?: number
}

/**
 * Opens (and migrates) the profile's database and takes it for this process alone.
 *
 * The exclusive lock comes from `locking_mode = EXCLUSIVE` set before the first access, plus a
 * write transaction: SQLite then keeps the file lock until the connection closes. In WAL mode
 * this also means the WAL index lives in heap memory (no -shm file). The lock belongs to the
 * process, so it disappears when the process dies: no stale lock file to clean up after a crash,
 * and a second process gets SQLITE_BUSY before it has touched anything.
 */
export function openDatabase(options: OpenDatabaseOptions): Database {
  mkdirSync(options.dataDir, { recursive: true })
  const file = join(options.dataDir, databaseFileName)
  const db = new BetterSqlite3(file, {
    timeout: options.busyTimeoutMs ?? 200,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  try {
    db.pragma('locking_mode = EXCLUSIVE')
    db.pragma('journal_mode = WAL')
    db.exec('BEGIN IMMEDIATE; COMMIT')
  } catch (error) {
    db.close()
    if (isBusy(error)) {
      throw new ApiError('profile-in-use', `This profile is in use by another Staffroom process (${options.dataDir})`)
    }
    throw error
  }
  try {
    // FULL: a transaction that returned is on disk, even after a power cut (NORMAL only survives app crashes).
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED'
}
