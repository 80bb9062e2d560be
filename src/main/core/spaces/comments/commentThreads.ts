import type * as A from '@automerge/automerge'
import type { CommentReplyView, CommentThreadView } from '@shared/api/projectComments'
import { commentLimits } from '@shared/api/projectComments'
import { resolveAnchor } from '@shared/spaces/commentAnchor'
import type { ProjectComment, ProjectDoc } from '@shared/spaces/ProjectDoc'
import type { SpaceRole } from '@shared/spaces/SpaceCommon'

/** Who is looking: this person's devices (roles and authorship are per person) and their role. */
export interface CommentReader {
  devices: ReadonlySet<string>
  role: SpaceRole
}

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : ''
}

function time(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

function entries(map: unknown): Array<[string, Record<string, unknown>]> {
  if (typeof map !== 'object' || map === null || Array.isArray(map)) return []
  return Object.entries(map).filter((e): e is [string, Record<string, unknown>] => typeof e[1] === 'object' && e[1] !== null)
}

/** Deleting is for the one who wrote it, or an owner. */
export function mayDelete(authorId: string, reader: CommentReader): boolean {
  return reader.devices.has(authorId) || reader.role === 'owner'
}

/** Owners and editors resolve any thread; a viewer only the threads they started. */
export function mayResolve(authorId: string, reader: CommentReader): boolean {
  return reader.role !== 'viewer' || reader.devices.has(authorId)
}

function replyViews(replies: unknown, reader: CommentReader): CommentReplyView[] {
  return entries(replies)
    .map(([id, r]) => {
      const authorId = text(r.author, 64)
      return { id, authorId, authorName: text(r.authorName, 200), body: text(r.body, commentLimits.bodyChars), createdAt: time(r.createdAt), isMine: reader.devices.has(authorId), canDelete: mayDelete(authorId, reader) }
    })
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}

/**
 * One thread as the screens show it, read defensively (a peer may have written any shape). Null
 * when its anchor cannot be placed in this copy (malformed, or naming text not received yet).
 */
export function threadView(doc: A.Doc<ProjectDoc>, id: string, raw: ProjectComment | Record<string, unknown>, reader: CommentReader): CommentThreadView | null {
  const comment = raw as Record<string, unknown>
  const range = resolveAnchor(doc, { from: comment.from, to: comment.to })
  if (!range) return null
  const authorId = text(comment.author, 64)
  const resolvedAt = typeof comment.resolvedAt === 'number' ? comment.resolvedAt : null
  return {
    id,
    anchor: { from: comment.from as string, to: comment.to as string },
    from: range.from,
    to: range.to,
    detached: range.detached,
    quote: text(comment.quote, commentLimits.quoteChars),
    authorId,
    authorName: text(comment.authorName, 200),
    body: text(comment.body, commentLimits.bodyChars),
    createdAt: time(comment.createdAt),
    resolvedAt,
    replies: replyViews(comment.replies, reader),
    isMine: reader.devices.has(authorId),
    canDelete: mayDelete(authorId, reader),
    canResolve: mayResolve(authorId, reader),
  }
}

/** Threads in document order; detached ones (nothing to point at) last, oldest first. */
export function threadViews(doc: A.Doc<ProjectDoc>, reader: CommentReader, options: { includeResolved: boolean }): CommentThreadView[] {
  return entries(doc.comments)
    .map(([id, raw]) => threadView(doc, id, raw, reader))
    .filter((t): t is CommentThreadView => t !== null && (options.includeResolved || t.resolvedAt === null))
    .sort((a, b) => Number(a.detached) - Number(b.detached) || (a.detached ? 0 : a.from - b.from || a.to - b.to) || a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}
