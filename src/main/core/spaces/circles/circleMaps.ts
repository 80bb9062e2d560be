import type { CircleDoc } from '@shared/spaces/CircleDoc'

export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** One of the circle's maps, made a map again if a peer wrote something else there (nothing readable is lost). */
export function collection<K extends 'threads' | 'resources' | 'meetups'>(doc: CircleDoc, key: K): CircleDoc[K] {
  if (!isMap(doc[key])) doc[key] = {} as CircleDoc[K]
  return doc[key]
}
