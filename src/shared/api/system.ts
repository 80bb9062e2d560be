import { z } from 'zod'

export interface ProfileStats {
  /** Counts by kind of what the profile holds. */
  notes: number
  notesInTrash: number
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
