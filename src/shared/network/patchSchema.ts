import { z } from 'zod'

/**
 * The schema of a partial update: every field optional and without its default, so a patch
 * changes only what it names (zod's `.partial()` would fill the missing fields with defaults).
 */
export function patchSchema<Shape extends z.ZodRawShape>(fields: z.ZodObject<Shape>) {
  const shape: Record<string, z.ZodType> = {}
  for (const [key, field] of Object.entries(fields.shape)) {
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)
    shape[key] = inner.optional()
  }
  return z.object(shape) as unknown as z.ZodObject<{ [K in keyof Shape]: z.ZodOptional<Unwrapped<Shape[K]>> }>
}

type Unwrapped<T> = T extends z.ZodDefault<infer Inner> ? Inner : T
