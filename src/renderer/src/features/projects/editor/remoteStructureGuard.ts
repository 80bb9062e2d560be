import { next as A } from '@automerge/automerge'
import { pmDocFromSpans, type DocHandle, type SchemaAdapter } from '@automerge/prosemirror'
import type { Node as PmNode } from 'prosemirror-model'
import { Plugin, Selection, TextSelection, type EditorState, type Transaction } from 'prosemirror-state'
import { AddMarkStep, RemoveMarkStep, ReplaceStep, type Step } from 'prosemirror-transform'
import { isRemoteTransaction } from './tablePlugins'

/** A step that only inserts or deletes text inside one textblock (or changes marks). */
function isTextOnlyStep(step: Step, doc: PmNode): boolean {
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return true
  if (!(step instanceof ReplaceStep)) return false
  const { slice, from, to } = step
  if (slice.openStart > 0 || slice.openEnd > 0) return false
  let onlyText = true
  slice.content.forEach((node) => (onlyText &&= node.isText))
  return onlyText && doc.resolve(from).sameParent(doc.resolve(to))
}

function changesStructure(tr: Transaction): boolean {
  return tr.steps.some((step, i) => !isTextOnlyStep(step, tr.docs[i]!))
}

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
 * Repairs the view after a remote change that moved blocks around. @automerge/prosemirror 0.2.0
 * applies a remote change block marker by block marker, and when several markers arrive at once
 * (a new table row with its cells) its intermediate steps can leave a wrong structure (a second
 * table instead of a new row), although the Automerge document itself is right. After any remote
 * change that is more than text, the top-level blocks that differ from the document are replaced
 * by the document's. The repair is itself a remote change: nothing is written back.
 */
export function remoteStructureGuard(handle: DocHandle<unknown>, adapter: SchemaAdapter, path: readonly A.Prop[]): Plugin {
  return new Plugin({
    appendTransaction(transactions, _oldState, state: EditorState) {
      if (!transactions.some((tr) => isRemoteTransaction(tr) && changesStructure(tr))) return undefined
      const expected = pmDocFromSpans(adapter, A.spans(handle.doc() as A.Doc<unknown>, [...path]))
      const range = differingTopLevelRange(state.doc, expected)
      if (!range) return undefined
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
    },
  })
}
