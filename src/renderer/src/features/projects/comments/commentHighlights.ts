import type { Node as PmNode } from 'prosemirror-model'
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import './commentHighlights.css'

/** A comment's range in ProseMirror positions of the editor's current document. */
export interface CommentHighlight {
  id: string
  from: number
  to: number
}

interface HighlightsState {
  highlights: CommentHighlight[]
  selectedId: string | null
  decorations: DecorationSet
}

type HighlightsUpdate = { highlights?: CommentHighlight[]; selectedId?: string | null }

export const commentHighlightClass = 'comment-highlight'
export const selectedCommentHighlightClass = 'comment-highlight-selected'

export const commentHighlightsKey = new PluginKey<HighlightsState>('commentHighlights')

function decorate(doc: PmNode, highlights: readonly CommentHighlight[], selectedId: string | null): DecorationSet {
  const size = doc.content.size
  const decorations = highlights
    .filter((h) => h.from < h.to && h.from >= 0 && h.to <= size)
    .map((h) => {
      const selected = h.id === selectedId
      return Decoration.inline(h.from, h.to, { class: selected ? `${commentHighlightClass} ${selectedCommentHighlightClass}` : commentHighlightClass, 'data-comment-id': h.id }, { commentId: h.id })
    })
  return DecorationSet.create(doc, decorations)
}

/**
 * Highlights each open comment's range in the editor, the selected one emphasised. The ranges come
 * from the comments panel (setCommentHighlights); between two updates they follow the text through
 * every transaction, local typing and remote patches alike, as the Automerge anchors do: text
 * typed inside a range joins it, text typed right before or right after it does not.
 */
export function commentHighlights(): Plugin<HighlightsState> {
  return new Plugin<HighlightsState>({
    key: commentHighlightsKey,
    state: {
      init: () => ({ highlights: [], selectedId: null, decorations: DecorationSet.empty }),
      apply(tr: Transaction, value: HighlightsState, _old: EditorState, next: EditorState): HighlightsState {
        const update = tr.getMeta(commentHighlightsKey) as HighlightsUpdate | undefined
        if (!update && !tr.docChanged) return value
        const mapped = tr.docChanged ? value.highlights.map((h) => ({ id: h.id, from: tr.mapping.map(h.from, 1), to: tr.mapping.map(h.to, -1) })).filter((h) => h.to > h.from) : value.highlights
        const highlights = update?.highlights ?? mapped
        const selectedId = update && 'selectedId' in update ? (update.selectedId ?? null) : value.selectedId
        return { highlights, selectedId, decorations: decorate(next.doc, highlights, selectedId) }
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  })
}

/** Replaces the highlighted ranges (and, when given, which one is selected). */
export function setCommentHighlights(view: EditorView, highlights: CommentHighlight[], selectedId?: string | null): void {
  const update: HighlightsUpdate = selectedId === undefined ? { highlights } : { highlights, selectedId }
  view.dispatch(view.state.tr.setMeta(commentHighlightsKey, update).setMeta('addToHistory', false))
}

/** The highlighted ranges now, mapped through every change since they were set. */
export function currentCommentHighlights(state: EditorState): { highlights: CommentHighlight[]; selectedId: string | null } {
  const value = commentHighlightsKey.getState(state)
  return { highlights: value?.highlights ?? [], selectedId: value?.selectedId ?? null }
}
