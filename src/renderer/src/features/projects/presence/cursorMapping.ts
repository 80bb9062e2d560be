import { next as A } from '@automerge/automerge'
import type { SchemaAdapter } from '@automerge/prosemirror'
// Not re-exported from the package root (it has no "exports" map, so the file can be imported).
import { amSpliceIdxToPmIdx, pmRangeToAmRange } from '@automerge/prosemirror/dist/traversal.js'

/** A selection as two Automerge cursors (A.getCursor on the body), stable under others' edits. */
export interface CursorSelection {
  anchor: string
  head: string
}

/** Longest cursor string accepted from a peer; real ones are a few dozen characters. */
const maxCursorChars = 200

export function isCursorSelection(value: unknown): value is CursorSelection {
  if (!value || typeof value !== 'object') return false
  const { anchor, head } = value as Record<string, unknown>
  return typeof anchor === 'string' && typeof head === 'string' && anchor.length <= maxCursorChars && head.length <= maxCursorChars
}

/** The index in the Automerge text where text typed at ProseMirror position `pos` would go. */
export function pmPosToAmIndex(adapter: SchemaAdapter, spans: A.Span[], pos: number): number {
  return pmRangeToAmRange(adapter, spans, { from: pos, to: pos })?.start ?? 0
}

/** The ProseMirror position of the caret before Automerge index `index`. */
export function amIndexToPmPos(adapter: SchemaAdapter, spans: A.Span[], index: number): number | null {
  return amSpliceIdxToPmIdx(adapter, spans, index)
}

function cursorAt(doc: A.Doc<unknown>, path: A.Prop[], index: number, length: number): string {
  return index >= length ? A.getCursor(doc, path, 'end') : A.getCursor(doc, path, Math.max(0, index))
}

/** ProseMirror selection → Automerge cursors on the text at `path`. */
export function selectionToCursors(
  doc: A.Doc<unknown>,
  path: A.Prop[],
  adapter: SchemaAdapter,
  selection: { anchor: number; head: number },
): CursorSelection {
  const spans = A.spans(doc, path)
  const length = spans.reduce((sum, span) => sum + (span.type === 'text' ? span.value.length : 1), 0)
  const anchor = cursorAt(doc, path, pmPosToAmIndex(adapter, spans, selection.anchor), length)
  const head = selection.head === selection.anchor ? anchor : cursorAt(doc, path, pmPosToAmIndex(adapter, spans, selection.head), length)
  return { anchor, head }
}

/**
 * Automerge cursors → ProseMirror positions in the local document, or null when a cursor is not
 * resolvable yet (a peer's presence can arrive before the edit it points into).
 */
export function cursorsToSelection(
  doc: A.Doc<unknown>,
  path: A.Prop[],
  adapter: SchemaAdapter,
  spans: A.Span[],
  cursors: CursorSelection,
): { anchor: number; head: number } | null {
  try {
    const anchor = amIndexToPmPos(adapter, spans, A.getCursorPosition(doc, path, cursors.anchor))
    const head = cursors.head === cursors.anchor ? anchor : amIndexToPmPos(adapter, spans, A.getCursorPosition(doc, path, cursors.head))
    return anchor === null || head === null ? null : { anchor, head }
  } catch {
    return null
  }
}
