import { next as A } from '@automerge/automerge'
import type { DocHandle, SchemaAdapter } from '@automerge/prosemirror'
import type { Node as PmNode } from 'prosemirror-model'
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import { isRemoteTransaction } from '../editor/tablePlugins'
import { cursorsToSelection, selectionToCursors, type CursorSelection } from './cursorMapping'
import classes from './RemoteCursors.module.css'
import type { PresentPeer } from './useProjectPresence'

interface RemoteCursorsState {
  peers: readonly PresentPeer[]
  decorations: DecorationSet
}

export const remoteCursorsKey = new PluginKey<RemoteCursorsState>('remote-cursors')

/** Shows these peers' carets and selections (a transaction with only this meta). */
export function showRemotePeers(view: EditorView, peers: readonly PresentPeer[]) {
  view.dispatch(view.state.tr.setMeta(remoteCursorsKey, peers))
}

/** A caret with the person's name: decoration only, hidden from screen readers (PresenceBar lists them). */
function caretElement(peer: PresentPeer): HTMLElement {
  const caret = document.createElement('span')
  caret.className = classes.caret ?? ''
  caret.setAttribute('data-remote-caret', peer.deviceId)
  caret.setAttribute('aria-hidden', 'true')
  caret.setAttribute('contenteditable', 'false')
  caret.style.borderColor = peer.colour
  const label = document.createElement('span')
  label.className = classes.label ?? ''
  label.textContent = peer.name
  label.style.backgroundColor = peer.colour
  caret.append(label)
  return caret
}

function buildDecorations(handle: DocHandle<unknown>, adapter: SchemaAdapter, path: A.Prop[], doc: PmNode, peers: readonly PresentPeer[]): DecorationSet {
  const withSelection = peers.filter((peer) => peer.selection)
  if (withSelection.length === 0) return DecorationSet.empty
  const amDoc = handle.doc() as A.Doc<unknown>
  const spans = A.spans(amDoc, path)
  const size = doc.content.size
  const decorations: Decoration[] = []
  for (const peer of withSelection) {
    const selection = cursorsToSelection(amDoc, path, adapter, spans, peer.selection!)
    // Out of range only while this view and the document briefly disagree; skip until next time.
    if (!selection || selection.anchor > size || selection.head > size) continue
    const from = Math.min(selection.anchor, selection.head)
    const to = Math.max(selection.anchor, selection.head)
    if (from < to) {
      decorations.push(
        Decoration.inline(from, to, { class: classes.selection ?? '', style: `background-color: ${peer.colour}33`, 'data-remote-selection': peer.deviceId }),
      )
    }
    decorations.push(
      Decoration.widget(selection.head, () => caretElement(peer), {
        key: `caret:${peer.peerId}:${peer.name}:${peer.colour}`,
        side: 1,
        ignoreSelection: true,
      }),
    )
  }
  return DecorationSet.create(doc, decorations)
}

export interface RemoteCursorsOptions {
  handle: DocHandle<unknown>
  adapter: SchemaAdapter
  path: readonly A.Prop[]
  /** Told my selection as Automerge cursors when it moves (debounced); not called in a read-only view. */
  onLocalSelection: (selection: CursorSelection) => void
  debounceMs?: number
}

/**
 * Draws other people's carets and selections, resolved from their Automerge cursors in the local
 * document, and reports the local selection. Positions are re-resolved when peers move or a
 * remote change arrives, and only mapped through local edits.
 */
export function remoteCursorsPlugin({ handle, adapter, path, onLocalSelection, debounceMs = 50 }: RemoteCursorsOptions): Plugin {
  const amPath = [...path]
  return new Plugin<RemoteCursorsState>({
    key: remoteCursorsKey,
    state: {
      init: () => ({ peers: [], decorations: DecorationSet.empty }),
      apply(tr, value, _old, state: EditorState) {
        const peers = tr.getMeta(remoteCursorsKey) as readonly PresentPeer[] | undefined
        if (peers) return { peers, decorations: buildDecorations(handle, adapter, amPath, state.doc, peers) }
        if (!tr.docChanged) return value
        if (isRemoteTransaction(tr) && value.peers.length > 0) {
          return { peers: value.peers, decorations: buildDecorations(handle, adapter, amPath, state.doc, value.peers) }
        }
        return { peers: value.peers, decorations: value.decorations.map(tr.mapping, tr.doc) }
      },
    },
    props: {
      decorations: (state) => remoteCursorsKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
    view: () => {
      let timer: ReturnType<typeof setTimeout> | undefined
      return {
        update(view, prevState) {
          if (!view.editable || prevState.selection.eq(view.state.selection)) return
          clearTimeout(timer)
          timer = setTimeout(() => {
            timer = undefined
            const { anchor, head } = view.state.selection
            onLocalSelection(selectionToCursors(handle.doc() as A.Doc<unknown>, amPath, adapter, { anchor, head }))
          }, debounceMs)
        },
        destroy() {
          clearTimeout(timer)
        },
      }
    },
  })
}
