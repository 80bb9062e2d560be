/** What the user reads when a change could not be written because the disk is full. */
export const diskFullMessage =
  'The disk is full, so Staffroom could not save everything. Free some space on the disk that holds your Staffroom data: the changes Staffroom is holding are saved as soon as there is room. If this change is missing then, make it again.'

/** What the user reads once the held changes are written again. */
export const diskSpaceBackMessage = 'There is space on the disk again: Staffroom has saved the changes it was holding.'

/**
 * True for the errors a full disk (or an exhausted quota) gives: SQLite's SQLITE_FULL (a write to
 * the database or its -wal file found no room) and Node's ENOSPC / EDQUOT from the file system.
 */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT'
}
