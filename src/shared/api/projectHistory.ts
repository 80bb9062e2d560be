import type { z } from 'zod'

/** The contract of projects (history, versions, restore, conflicts). */
export const projectHistoryArgs = {} satisfies Record<string, z.ZodType>

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled method by method
export interface ProjectHistoryResults {}
