import type { PairedDevice } from '@shared/api/sync'

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

export function formatDateTime(at: number): string {
  return dateTime.format(new Date(at))
}

/** "in 23 hours", "in 12 minutes": how long an invite stays valid. */
export function formatExpiresIn(expiresAt: number, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((expiresAt - now) / 60_000))
  if (minutes < 60) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`
  const hours = Math.round(minutes / 60)
  if (hours < 48) return `in ${hours} hour${hours === 1 ? '' : 's'}`
  const days = Math.round(hours / 24)
  return `in ${days} days`
}

/** Online, last seen, or never connected: what a teacher wants to know about a paired device. */
export function connectionText(device: PairedDevice): string {
  if (device.revokedAt !== null) return `Removed ${formatDateTime(device.revokedAt)}`
  if (device.online) return 'Online now'
  if (device.lastSeenAt !== null) return `Last seen ${formatDateTime(device.lastSeenAt)}`
  return 'Never connected yet'
}

export function relationText(relation: PairedDevice['relation']): string {
  return relation === 'own' ? 'One of my devices' : 'Colleague'
}
