import * as A from '@automerge/automerge'

/**
 * Record fields are stored as scalar strings (Automerge ImmutableString), not as collaborative
 * text: records are edited through forms, where the last write of a field should win, and text
 * objects made collections 6× larger and 3× slower to load (docs/DECISIONS.md 16).
 * Long-form writing lives in notes, which keep rich text.
 */
export function toStored(value: unknown): unknown {
  if (typeof value === 'string') return new A.ImmutableString(value)
  if (Array.isArray(value)) return value.map(toStored)
  if (typeof value === 'object' && value !== null && !(value instanceof A.ImmutableString)) {
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) if (inner !== undefined) out[key] = toStored(inner)
    return out
  }
  return value
}

/** The plain JSON value of what a document holds (scalar or text strings become strings). */
export function fromStored(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  // Arrays first: inside a change, Automerge's list proxy also answers isImmutableString.
  if (Array.isArray(value)) return value.map(fromStored)
  if (A.isImmutableString(value)) return value.val
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) out[key] = fromStored(inner)
  return out
}
