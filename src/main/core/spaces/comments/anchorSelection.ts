import * as A from '@automerge/automerge'
import { commentLimits } from '@shared/api/projectComments'
import { ApiError } from '@shared/errors'
import { anchorRange, bodyLength, textOfRange, type CommentAnchor } from '@shared/spaces/commentAnchor'

/**
 * The anchor and quote of a new comment on [from, to), indices read on the document as it was at
 * `heads` (what the person saw when they selected). The cursors are taken on that version, so
 * they name the very characters that were selected even if the text has moved since.
 */
export function anchorSelection(doc: A.Doc<unknown>, heads: A.Heads, from: number, to: number): { anchor: CommentAnchor; quote: string } {
  if (!A.hasHeads(doc, heads)) throw new ApiError('bad-request', 'This device has not received the version of the project the text was selected in.')
  const seen = A.view(doc, heads)
  const length = bodyLength(seen)
  if (from >= to) throw new ApiError('bad-request', 'Select some text to comment on.')
  if (to > length) throw new ApiError('bad-request', 'The selection is outside the project’s text; select the text again.')
  const selected = textOfRange(seen, from, to)
  if (selected === '') throw new ApiError('bad-request', 'Select some text to comment on (the selection holds only line breaks or spaces).')
  const quote = selected.length > commentLimits.quoteChars ? `${selected.slice(0, commentLimits.quoteChars - 1)}…` : selected
  return { anchor: anchorRange(seen, from, to), quote }
}
