import type { DeviceDocumentStatus } from '@shared/api/sync'
import { formatChangedFull } from './formatDate'

type Phase = 'synced' | 'syncing' | 'waiting' | 'out-of-touch'

/** What a device's state means for the person at this one. */
export function syncPhase(device: DeviceDocumentStatus): Phase {
  if (device.state === 'synced') return 'synced'
  if (device.online) return 'syncing'
  return device.state === 'pending' ? 'waiting' : 'out-of-touch'
}

const phrases: Record<Phase, (names: string) => string> = {
  synced: (names) => `Synced with ${names}`,
  syncing: (names) => `Syncing with ${names}`,
  waiting: (names) => `Waiting to sync with ${names} (offline)`,
  'out-of-touch': (names) => `Not in touch with ${names} (offline)`,
}

/** One line for a note's header: "Synced with Ms Diallo’s laptop; Waiting to sync with Mr Stone’s tablet (offline)". */
export function noteSyncSummary(devices: DeviceDocumentStatus[]): string {
  const order: Phase[] = ['waiting', 'syncing', 'out-of-touch', 'synced']
  return order
    .map((phase) => devices.filter((d) => syncPhase(d) === phase).map((d) => d.name))
    .map((names, i) => (names.length === 0 ? '' : phrases[order[i]!](joinNames(names))))
    .filter(Boolean)
    .join('; ')
}

/** One device's state, for a row that already names it. */
export function deviceSyncText(device: DeviceDocumentStatus): string {
  const phase = syncPhase(device)
  const state =
    phase === 'synced' ? 'Synced' : phase === 'syncing' ? 'Syncing' : phase === 'waiting' ? 'Changes here wait until it is back' : 'Not in touch since this device started'
  return device.lastSyncAt === null ? state : `${state} · last exchange ${formatChangedFull(device.lastSyncAt)}`
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/** A Share dialog row's second line: online or not, then (for a device that syncs the note) how far it is. */
export function shareRowText(online: boolean, sync: DeviceDocumentStatus | undefined): string {
  const link = online ? 'Online now' : 'Not connected now'
  return sync ? `${link} · ${deviceSyncText(sync)}` : link
}
