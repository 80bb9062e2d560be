import type { next as A } from '@automerge/automerge'
import type { DocHandle, SchemaAdapter } from '@automerge/prosemirror'
import { Plugin } from 'prosemirror-state'
import { viewRepairFromDocument } from './viewRepair'

/**
 * The Automerge sync plugin, made to recover instead of throwing. After writing a local change it
 * re-derives the change from the document to check the view; that re-derivation works marker by
 * marker (see the project editor's remoteStructureGuard) and can throw after the change is already
 * in the document (in prosemirror-changeset on bodies past ~10,000 positions). Throwing there would
 * leave the view behind the document for good, so the view is repaired from the document instead.
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
