import type { next as A } from '@automerge/automerge'
import type { DocHandle, SchemaAdapter } from '@automerge/prosemirror'
import { Plugin } from 'prosemirror-state'
import { viewRepairFromDocument } from './viewRepair'

/**
 * The Automerge sync plugin, made to recover instead of throwing. After writing a local change it
 * re-derives the change from the document to check the view; that re-derivation has the same
 * marker-by-marker weakness (a remote change is applied marker by marker, see the project editor's remoteStructureGuard) and can throw a RangeError after the change
 * is already in the document. Throwing there would leave the view behind the document for good,
 * so the view is repaired from the document instead (the document is the truth).
 */
export function resilientSyncPlugin(syncPlugin: Plugin, handle: DocHandle<unknown>, adapter: SchemaAdapter, path: readonly A.Prop[]): Plugin {
  const appendTransaction = syncPlugin.spec.appendTransaction
  return new Plugin({
    ...syncPlugin.spec,
    appendTransaction(transactions, oldState, state) {
      try {
        return appendTransaction?.call(syncPlugin, transactions, oldState, state)
      } catch (error) {
        console.warn('Rich text: the editor was out of step with the document and was repaired from it.', error)
        return viewRepairFromDocument(state, handle, adapter, path) ?? undefined
      }
    },
  })
}
