import type { z } from 'zod'

/** The contract of projects (Markdown and HTML export, Markdown import). */
export const projectExportArgs = {} satisfies Record<string, z.ZodType>

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled method by method
export interface ProjectExportResults {}
