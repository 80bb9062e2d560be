import { limits } from '../limits'

/**
 * One spelling per tag: trimmed, inner whitespace collapsed, Unicode NFC, lower case
 * (locale-independent), so "Maths ", "maths" and "MATHS" are one tag on every device.
 */
export function normaliseTag(tag: string): string {
  return tag.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase().slice(0, limits.tagChars)
}

/** Normalised, empty ones dropped, duplicates removed (first occurrence kept), capped in number. */
export function normaliseTags(tags: readonly unknown[]): string[] {
  const seen = new Set<string>()
  for (const tag of tags) {
    if (typeof tag !== 'string') continue
    const normal = normaliseTag(tag)
    if (normal) seen.add(normal)
    if (seen.size >= limits.tagsPerNote) break
  }
  return [...seen]
}
