import { z } from 'zod'

/**
 * Comments on a project's body: threads anchored to a range of the text by Automerge cursors, so
 * the range follows the text as people edit around it (see spaces/commentAnchor.ts). Ranges cross
 * the boundary as Automerge text indices into ['body'].
 *
 * Viewers may comment and reply (discussing a plan is not editing it); they resolve or reopen only
 * the threads they started. Deleting is for the author of the thread or reply, or an owner.
 */

export const commentLimits = {
  bodyChars: 10_000,
  /** The quote kept with a comment, shown when its text is deleted. */
  quoteChars: 1_000,
  threadsPerProject: 5_000,
  repliesPerThread: 1_000,
  /** How long addComment waits for this device's copy to reach the heads the selection was made on. */
  headsWaitMs: 5_000,
} as const

const id = z.string().min(1).max(64)
const index = z.number().int().min(0)
const body = z.string().trim().min(1).max(commentLimits.bodyChars)
/** Automerge change hashes, hex. */
const heads = z.array(z.string().regex(/^[0-9a-f]{64}$/, 'Heads are Automerge change hashes.')).min(1).max(256)

export interface CommentReplyView {
  id: string
  authorId: string
  authorName: string
  body: string
  createdAt: number
  isMine: boolean
  canDelete: boolean
}

export interface CommentThreadView {
  id: string
  /** The Automerge cursors of the range, so a client can place it on its own copy exactly. */
  anchor: { from: string; to: string }
  /** The range now, in Automerge text indices into ['body'] of the core's copy. */
  from: number
  to: number
  /** All of the range's text was deleted: the comment is shown with its quote only. */
  detached: boolean
  /** The text the range held when the comment was made. */
  quote: string
  authorId: string
  authorName: string
  body: string
  createdAt: number
  resolvedAt: number | null
  /** Oldest first. */
  replies: CommentReplyView[]
  isMine: boolean
  canDelete: boolean
  canResolve: boolean
}

export const projectCommentsArgs = {
  /** Threads in document order (detached ones last, oldest first). */
  'projects.comments': z.object({ projectId: id, includeResolved: z.boolean().default(true) }),
  /**
   * A new thread on [from, to) of the body. The indices are read on the client's copy at `heads`
   * (A.getHeads when the person selected), so typing by anyone since then cannot shift them; the
   * core waits until its copy has those heads (at most commentLimits.headsWaitMs).
   */
  'projects.addComment': z.object({ projectId: id, from: index, to: index, heads, body }),
  'projects.replyToComment': z.object({ projectId: id, commentId: id, body }),
  'projects.resolveComment': z.object({ projectId: id, commentId: id }),
  'projects.reopenComment': z.object({ projectId: id, commentId: id }),
  /** A whole thread, or only one reply when replyId is given. */
  'projects.deleteComment': z.object({ projectId: id, commentId: id, replyId: id.optional() }),
}

export interface ProjectCommentsResults {
  'projects.comments': { threads: CommentThreadView[]; canComment: boolean }
  'projects.addComment': { thread: CommentThreadView }
  'projects.replyToComment': { thread: CommentThreadView; replyId: string }
  'projects.resolveComment': { thread: CommentThreadView }
  'projects.reopenComment': { thread: CommentThreadView }
  'projects.deleteComment': { deleted: 'thread' | 'reply' }
}
