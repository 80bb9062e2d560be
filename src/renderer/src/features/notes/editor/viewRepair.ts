import { next as A } from '@automerge/automerge'
import { pmDocFromSpans, type DocHandle, type SchemaAdapter } from '@automerge/prosemirror'
import type { Node as PmNode } from 'prosemirror-model'
import { Selection, TextSelection, type EditorState, type Transaction } from 'prosemirror-state'

function sameIgnoringBlockFlag(a: PmNode, b: PmNode): boolean {
  if (a.type !== b.type || a.childCount !== b.childCount || a.text !== b.text) return false
  if (a.marks.length !== b.marks.length || a.marks.some((mark, i) => !mark.eq(b.marks[i]!))) return false
  const { isAmgBlock: _a, ...attrsA } = a.attrs
  const { isAmgBlock: _b, ...attrsB } = b.attrs
  if (JSON.stringify(attrsA) !== JSON.stringify(attrsB)) return false
  for (let i = 0; i < a.childCount; i++) if (!sameIgnoringBlockFlag(a.child(i), b.child(i))) return false
  return true
}

/** The top-level children [from, toA) of `shown` and [from, toB) of `expected` that differ, or null. */
function differingTopLevelRange(shown: PmNode, expected: PmNode): { from: number; toShown: number; toExpected: number } | null {
  let from = 0
  while (from < shown.childCount && from < expected.childCount && sameIgnoringBlockFlag(shown.child(from), expected.child(from))) from++
  if (from === shown.childCount && from === expected.childCount) return null
  let toShown = shown.childCount
  let toExpected = expected.childCount
  while (toShown > from && toExpected > from && sameIgnoringBlockFlag(shown.child(toShown - 1), expected.child(toExpected - 1))) {
    toShown--
    toExpected--
  }
  return { from, toShown, toExpected }
}

function childStart(doc: PmNode, index: number): number {
  let pos = 0
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize
  return pos
}

/**
 * A transaction that makes the view show what the Automerge document holds, replacing only the
 * top-level blocks that differ (so a cursor elsewhere stays put), or null when they agree. It is
 * marked like a remote change: nothing in it is written back to the document.
 */
export function viewRepairFromDocument(state: EditorState, handle: DocHandle<unknown>, adapter: SchemaAdapter, path: readonly A.Prop[]): Transaction | null {
  const expected = pmDocFromSpans(adapter, A.spans(handle.doc() as A.Doc<unknown>, [...path]))
  const range = differingTopLevelRange(state.doc, expected)
  if (!range) return null
  const from = childStart(state.doc, range.from)
  const to = childStart(state.doc, range.toShown)
  const replacement = expected.content.cut(childStart(expected, range.from), childStart(expected, range.toExpected))
  const tr = state.tr.replaceWith(from, to, replacement)
  tr.setMeta('addToHistory', false)
  const { anchor, head } = state.selection
  try {
    tr.setSelection(Selection.fromJSON(tr.doc, state.selection.toJSON()))
  } catch {
    const size = tr.doc.content.size
    tr.setSelection(TextSelection.between(tr.doc.resolve(Math.min(anchor, size)), tr.doc.resolve(Math.min(head, size))))
  }
  return tr
}
