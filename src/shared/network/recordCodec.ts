import * as A from '@automerge/automerge'
import type { RecordKind } from './records'
import { fromStored, toStored } from './storedValue'

/**
 * How a record of each kind is held in its collection document (docs/DECISIONS.md 19).
 *
 * - `fields`: one Automerge map per record, one key per field, strings as ImmutableString.
 *   Two devices editing different fields of the same record both keep their edit.
 * - `json`: the whole record as one ImmutableString of its JSON. Five to ten times cheaper to
 *   build and load, for the kind that grows to 100,000 records and is edited rarely and always
 *   through a whole form. Two devices editing the same record concurrently: one whole version
 *   wins; Automerge keeps the other as a conflict (`A.getConflicts(doc.records, id)`), which a
 *   later conflict view can offer.
 */
export type RecordEncoding = 'fields' | 'json'

export const recordEncodings: Record<RecordKind, RecordEncoding> = {
  contact: 'fields',
  interaction: 'json',
  community: 'fields',
  event: 'fields',
  goal: 'fields',
  journal: 'fields',
  resource: 'fields',
  reading: 'fields',
  feed: 'fields',
  checkin: 'fields',
}

/** A plain record (or any JSON object) as it is written into a collection document. */
export function encodeRecord(kind: RecordKind, record: object): unknown {
  if (recordEncodings[kind] === 'json') return new A.ImmutableString(JSON.stringify(record))
  return toStored(record)
}

/**
 * A stored record as plain JSON data, or undefined when it is not an object (bad JSON, a string
 * where a map should be, a number…): a peer or an older app may have written anything. Both
 * encodings are read whatever the kind says, so a collection is readable before its migration
 * runs and when an older app on another device writes a record field by field.
 * The result is not validated; readers that need a well-formed record parse it with the schema.
 */
export function decodeRecord(stored: unknown): Record<string, unknown> | undefined {
  if (isJsonEncoded(stored)) {
    const text = typeof stored === 'string' ? stored : (stored as A.ImmutableString).val
    try {
      const parsed: unknown = JSON.parse(text)
      return isPlainObject(parsed) ? parsed : undefined
    } catch {
      return undefined
    }
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return undefined
  const plain = fromStored(stored)
  return isPlainObject(plain) ? plain : undefined
}

/** True when a stored record is one JSON string (ImmutableString, or text a peer wrote). */
export function isJsonEncoded(stored: unknown): stored is string | A.ImmutableString {
  if (typeof stored === 'string') return true
  // Inside a change, Automerge's list proxy also answers isImmutableString: check the value.
  return !Array.isArray(stored) && A.isImmutableString(stored) && typeof (stored as A.ImmutableString).val === 'string'
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
