import type { ReadingStatus } from '@shared/api/reading'
import { ApiError } from '@shared/errors'

export interface ReadingDates {
  readOn: string | null
  appliedOn: string | null
}

/**
 * The days a reading item moved to read and to applied in class, kept true to its status, so the
 * learning figures (items read or applied in a period, counted by these days) never count an item
 * that is not read any more:
 * - to read, reading: neither day (moving back clears them);
 * - read: readOn, kept if it had one (back from applied keeps the day it was read), else today;
 *   no appliedOn;
 * - applied: appliedOn (kept, else today) and readOn too (applied without passing read = read that day).
 * Days the caller names are kept when the status allows them (a teacher correcting a date); a day
 * the status does not allow, or applied before read, is refused. Null from the caller = not named.
 */
export function readingStatusDates(status: ReadingStatus, previous: ReadingDates, named: Partial<ReadingDates>, today: string): ReadingDates {
  const isRead = status === 'read' || status === 'applied'
  const isApplied = status === 'applied'
  if (named.readOn && !isRead) throw new ApiError('bad-request', 'Only an item that has been read can have a read date.')
  if (named.appliedOn && !isApplied) throw new ApiError('bad-request', 'Only an item applied in class can have an applied date.')
  const readOn = isRead ? (named.readOn ?? previous.readOn ?? today) : null
  const appliedOn = isApplied ? (named.appliedOn ?? previous.appliedOn ?? today) : null
  if (readOn && appliedOn && appliedOn < readOn) throw new ApiError('bad-request', 'It cannot be applied in class before the day it was read.')
  return { readOn, appliedOn }
}
