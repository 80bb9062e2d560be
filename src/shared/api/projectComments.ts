import type { z } from 'zod'

/** The contract of projects (comments). */
export const projectCommentsArgs = {} satisfies Record<string, z.ZodType>

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled method by method
export interface ProjectCommentsResults {}
