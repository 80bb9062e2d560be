import type * as A from '@automerge/automerge'
import { projectHistoryLimits, type HistoryBodySegment } from '@shared/api/projectHistory'

/** How a block marker (heading, paragraph, list item) reads in the text of a rich-text field. */
const blockMarker = '\uFFFC'

interface Segment {
  change: HistoryBodySegment['change']
  text: string
  /** Where the segment starts in the text as it is after the patches applied so far. */
  at: number
}

function readable(text: string): string {
  return text.replaceAll(blockMarker, '\n')
}

/** Context on the segment's own line: text across a block break reads as if it were one sentence. */
function contextAround(text: string, start: number, end: number): { before: string; after: string } {
  const { contextChars } = projectHistoryLimits
  const before = text.slice(Math.max(0, start - contextChars), start)
  const after = text.slice(end, end + contextChars)
  const lineStart = before.lastIndexOf(blockMarker)
  const lineEnd = after.indexOf(blockMarker)
  return { before: before.slice(lineStart + 1), after: lineEnd === -1 ? after : after.slice(0, lineEnd) }
}

/**
 * Replays a diff's patches on the body's text (block markers included, as the patch indices count
 * them) to recover what each deletion removed, then gives every inserted and deleted stretch with
 * the unchanged text around it in the current body. Adjacent pieces of one kind are joined.
 */
export function bodySegments(oldBody: string, patches: readonly A.Patch[]): { segments: HistoryBodySegment[]; more: number } {
  let text = oldBody
  const segments: Segment[] = []
  const shift = (from: number, by: number) => {
    for (const segment of segments) if (segment.at > from) segment.at = Math.max(from, segment.at + by)
  }
  const add = (segment: Segment) => {
    const last = segments.at(-1)
    if (last && last.change === segment.change && segment.change === 'inserted' && last.at + last.text.length === segment.at) last.text += segment.text
    else if (last && last.change === segment.change && segment.change === 'deleted' && last.at === segment.at) last.text += segment.text
    else segments.push(segment)
  }
  for (const patch of patches) {
    if (patch.path[0] !== 'body' || patch.path.length !== 2 || typeof patch.path[1] !== 'number') continue
    const index = patch.path[1]
    if (patch.action === 'splice' || patch.action === 'insert') {
      const inserted = patch.action === 'splice' ? patch.value : blockMarker.repeat(patch.values.length)
      text = text.slice(0, index) + inserted + text.slice(index)
      shift(index, inserted.length)
      add({ change: 'inserted', text: inserted, at: index })
    } else if (patch.action === 'del') {
      const length = patch.length ?? 1
      const removed = text.slice(index, index + length)
      text = text.slice(0, index) + text.slice(index + length)
      shift(index, -length)
      // A diff gives a replacement as the new text then the old one removed after it; the old reads first.
      const last = segments.at(-1)
      const replaced = last?.change === 'inserted' && last.at + last.text.length === index
      add({ change: 'deleted', text: removed, at: replaced ? last.at : index })
    }
  }
  segments.sort((a, b) => a.at - b.at || (a.change === b.change ? 0 : a.change === 'deleted' ? -1 : 1))
  const { bodySegments: maxSegments, segmentChars } = projectHistoryLimits
  return {
    segments: segments.slice(0, maxSegments).map((segment) => {
      const end = segment.change === 'inserted' ? segment.at + segment.text.length : segment.at
      const context = contextAround(text, segment.at, end)
      return {
        change: segment.change,
        text: readable(segment.text.slice(0, segmentChars)),
        moreChars: Math.max(0, segment.text.length - segmentChars),
        before: readable(context.before),
        after: readable(context.after),
      }
    }),
    more: Math.max(0, segments.length - maxSegments),
  }
}
