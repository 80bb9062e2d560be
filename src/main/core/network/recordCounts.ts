import type { ProfileStats } from '@shared/api'
import type { RecordKind } from '@shared/network/records'

type RecordStats = Pick<ProfileStats, 'contacts' | 'interactions' | 'communities' | 'events' | 'goals' | 'journalEntries' | 'resources' | 'readings' | 'feeds' | 'checkIns' | 'deletedRecords'>

const statOf: Record<RecordKind, keyof RecordStats> = {
  contact: 'contacts',
  interaction: 'interactions',
  community: 'communities',
  event: 'events',
  goal: 'goals',
  journal: 'journalEntries',
  resource: 'resources',
  reading: 'readings',
  feed: 'feeds',
  checkin: 'checkIns',
}

/** Index counts (kind, deleted, n) as the profile statistics. */
export function recordCounts(rows: ReadonlyArray<{ kind: RecordKind; deleted: number; n: number }>): RecordStats {
  const stats: RecordStats = { contacts: 0, interactions: 0, communities: 0, events: 0, goals: 0, journalEntries: 0, resources: 0, readings: 0, feeds: 0, checkIns: 0, deletedRecords: 0 }
  for (const { kind, deleted, n } of rows) {
    if (deleted) stats.deletedRecords += n
    else if (statOf[kind]) stats[statOf[kind]] += n
  }
  return stats
}
