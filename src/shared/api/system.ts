import { z } from 'zod'

export interface ProfileStats {
  /** Counts by kind of what the profile holds. */
  notes: number
  notesInTrash: number
  /** Learning-network records by kind (live ones), and how many are deleted but restorable. */
  contacts: number
  interactions: number
  communities: number
  events: number
  goals: number
  journalEntries: number
  resources: number
  readings: number
  feeds: number
  checkIns: number
  deletedRecords: number
  documents: number
  storageChunks: number
  databaseBytes: number
}

export const systemArgs = {
  'system.info': z.object({}),
  'system.stats': z.object({}),
}

export interface SystemResults {
  'system.info': { version: string; dataDir: string; workspaceUrl: string; shell: 'electron' | 'serve' | 'node' }
  'system.stats': ProfileStats
}
