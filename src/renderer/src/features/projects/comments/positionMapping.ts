import type * as A from '@automerge/automerge'
import type { Node as PmNode } from 'prosemirror-model'

/**
 * Maps ranges between Automerge text indices (['body'], where each block marker takes one index)
 * and ProseMirror positions (where blocks open and close around the text) through the one thing
 * both share: the sequence of text characters. @automerge/prosemirror has its own traversal
 * helpers, but they are not part of its public API (0.2.0 exports only pmDocFromSpans and
 * pmNodeToSpans), so this small mapper relies on nothing but the text itself.
 */

export interface IndexRange {
  from: number
  to: number
}

/** How many text characters come before Automerge index `index`. */
export function amIndexToTextOffset(spans: readonly A.Span[], index: number): number {
  let amIndex = 0
  let offset = 0
  for (const span of spans) {
    if (amIndex >= index) break
    if (span.type === 'text') {
      const taken = Math.min(span.value.length, index - amIndex)
      offset += taken
      amIndex += taken
    } else {
      amIndex += 1
    }
  }
  return offset
}

/**
 * The Automerge index of a text offset: 'start' gives the index of the character at that offset
 * (where a range starting there begins), 'end' the index just after the character before it
 * (where a range ending there ends), so block markers between two ranges belong to neither.
 */
export function textOffsetToAmIndex(spans: readonly A.Span[], offset: number, side: 'start' | 'end'): number {
  let amIndex = 0
  let seen = 0
  for (const span of spans) {
    if (span.type !== 'text') {
      if (side === 'end' && seen === offset && offset > 0) return amIndex
      amIndex += 1
      continue
    }
    const length = span.value.length
    if (side === 'start' ? offset < seen + length : offset <= seen + length) return amIndex + (offset - seen)
    seen += length
    amIndex += length
  }
  return amIndex
}

/** How many text characters come before ProseMirror position `pos`. */
export function pmPosToTextOffset(doc: PmNode, pos: number): number {
  return doc.textBetween(0, Math.max(0, Math.min(pos, doc.content.size)), '', '').length
}

/** The ProseMirror position of a text offset, on the same 'start'/'end' terms as textOffsetToAmIndex. */
export function textOffsetToPmPos(doc: PmNode, offset: number, side: 'start' | 'end'): number | null {
  let seen = 0
  let found: number | null = null
  let last: number | null = null
  doc.descendants((node, pos) => {
    if (found !== null) return false
    if (!node.isText) return true
    const length = node.text?.length ?? 0
    if (side === 'start' ? offset < seen + length : offset > seen && offset <= seen + length) found = pos + (offset - seen)
    else if (side === 'end' && offset === 0 && seen === 0) found = pos
    seen += length
    last = pos + length
    return false
  })
  return found ?? (offset >= seen ? last : null)
}

/** An Automerge range as ProseMirror positions in `doc`; null when it holds no text there. */
export function amRangeToPmRange(doc: PmNode, spans: readonly A.Span[], range: IndexRange): IndexRange | null {
  const startOffset = amIndexToTextOffset(spans, range.from)
  const endOffset = amIndexToTextOffset(spans, range.to)
  if (endOffset <= startOffset) return null
  const from = textOffsetToPmPos(doc, startOffset, 'start')
  const to = textOffsetToPmPos(doc, endOffset, 'end')
  return from !== null && to !== null && to > from ? { from, to } : null
}

/** A ProseMirror selection as an Automerge range; null when it holds no text. */
export function pmRangeToAmRange(doc: PmNode, spans: readonly A.Span[], range: IndexRange): IndexRange | null {
  const startOffset = pmPosToTextOffset(doc, range.from)
  const endOffset = pmPosToTextOffset(doc, range.to)
  if (endOffset <= startOffset) return null
  return { from: textOffsetToAmIndex(spans, startOffset, 'start'), to: textOffsetToAmIndex(spans, endOffset, 'end') }
}
