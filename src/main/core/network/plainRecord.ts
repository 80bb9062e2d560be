/** A record read out of an Automerge document as plain JSON data (text objects become strings). */
export function plainRecord<T>(record: T): T {
  return JSON.parse(JSON.stringify(record)) as T
}
