import type { CircleReaction } from '@shared/api/circles'
import type { Rsvp } from '@shared/spaces/CircleDoc'
import type { SpaceRole } from '@shared/spaces/SpaceCommon'

export const circleRoleLabels: Record<SpaceRole, string> = { owner: 'Owner', editor: 'Member', viewer: 'Reader' }

/** What a screen reader says for each reaction. */
export const reactionNames: Record<CircleReaction, string> = { '👍': 'thumbs up', '❤️': 'heart', '🎉': 'celebrate', '💡': 'idea', '🙏': 'thanks' }

export const rsvpLabels: Record<Rsvp, string> = { yes: 'Going', maybe: 'Maybe', no: 'Not going' }

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' })

export function formatWhen(epochMs: number): string {
  return epochMs > 0 ? dateTime.format(new Date(epochMs)) : ''
}

/** "5 Mar 2026, 16:00 – 17:30" in this device's zone; the end's date only when it differs. */
export function formatMeetupTime(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt)
  const end = new Date(endsAt)
  const sameDay = start.toDateString() === end.toDateString()
  return `${dateTime.format(start)} – ${sameDay ? timeOnly.format(end) : dateTime.format(end)}`
}

/** A datetime-local value ("2026-03-05T16:00") as ISO 8601 with this device's offset at that moment. */
export function localToIsoWithOffset(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
  if (!match) return null
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number]
  const date = new Date(y, mo - 1, d, h, mi)
  if (Number.isNaN(date.getTime())) return null
  const offset = -date.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0')
  return `${local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`
}

export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
