import * as A from '@automerge/automerge'

/** Where comments anchor: the project body, Automerge rich text. */
export const commentTextPath = ['body'] as const

/** A comment's range as two Automerge cursors into the body (the `from`/`to` of ProjectComment). */
export interface CommentAnchor {
  from: A.Cursor
  to: A.Cursor
}

/** A range in Automerge text indices into the body; `detached` when all of its text was deleted. */
export interface ResolvedCommentRange {
  from: number
  to: number
  detached: boolean
}

/** The body's length in Automerge text indices (characters and block markers), 0 if it is not text. */
export function bodyLength(doc: A.Doc<unknown>): number {
  const body = (doc as { body?: unknown }).body
  return typeof body === 'string' ? body.length : 0
}

/**
 * Anchors [from, to) of the body on its first and its last character, both cursors moving forward
 * when their character is deleted. So text typed inside the range joins it; text typed before it
 * or right after it (a new word, a new paragraph) stays out; deleting part of it shrinks it; and
 * deleting all of it leaves an empty range, which is how a detached comment is recognised.
 */
export function anchorRange(doc: A.Doc<unknown>, from: number, to: number): CommentAnchor {
  const path = [...commentTextPath]
  return { from: A.getCursor(doc, path, from, 'after'), to: A.getCursor(doc, path, to - 1, 'after') }
}

/**
 * Where an anchor is in this copy of the document. Null when a cursor cannot be resolved here: a
 * malformed value written by a peer, or one naming text this copy has not received yet.
 */
export function resolveAnchor(doc: A.Doc<unknown>, anchor: { from: unknown; to: unknown }): ResolvedCommentRange | null {
  if (typeof anchor.from !== 'string' || typeof anchor.to !== 'string') return null
  try {
    const path = [...commentTextPath]
    const from = A.getCursorPosition(doc, path, anchor.from)
    const last = A.getCursorPosition(doc, path, anchor.to)
    // A deleted last character resolves to the next one still there, which is then the range's
    // end; a present one is inside the range, so the end is just after it.
    const lastIsThere = last < bodyLength(doc) && A.getCursor(doc, path, last, 'after') === anchor.to
    const to = lastIsThere ? last + 1 : last
    return { from, to: Math.max(from, to), detached: to <= from }
  } catch {
    return null
  }
}

/** Block markers are one index each in Automerge rich text; a quote shows them as line breaks. */
const blockMarker = /\uFFFC/g

/** The text of [from, to) as a person reads it: block markers become line breaks, trimmed. */
export function textOfRange(doc: A.Doc<unknown>, from: number, to: number): string {
  const body = (doc as { body?: unknown }).body
  if (typeof body !== 'string') return ''
  return body.slice(from, to).replace(blockMarker, '\n').trim()
}
