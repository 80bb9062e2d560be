import type { next as A } from '@automerge/automerge'
import type { DocHandle, SchemaAdapter } from '@automerge/prosemirror'
import type { Node as PmNode } from 'prosemirror-model'
import { Plugin, type EditorState, type Transaction } from 'prosemirror-state'
import { AddMarkStep, RemoveMarkStep, ReplaceStep, type Step } from 'prosemirror-transform'
import { isRemoteTransaction } from './tablePlugins'
import { viewRepairFromDocument } from '../../notes/editor/viewRepair'

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
      return viewRepairFromDocument(state, handle, adapter, path) ?? undefined
    },
  })
}
