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
 * Anchors [from, to) of the body. `from` sits on the first character of the range and `to` on
 * the character just after it (or the end of the text), and both move forward when their
 * character is deleted. So text typed before the range stays out of it, text typed inside it or
 * right at its end joins it, deleting part of it shrinks it, and deleting all of it leaves an
 * empty range, which is how a detached comment is recognised.
 */
export function anchorRange(doc: A.Doc<unknown>, from: number, to: number): CommentAnchor {
  const path = [...commentTextPath]
  return {
    from: A.getCursor(doc, path, from, 'after'),
    to: to >= bodyLength(doc) ? A.getCursor(doc, path, 'end') : A.getCursor(doc, path, to, 'after'),
  }
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
    const to = A.getCursorPosition(doc, path, anchor.to)
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
