import { randomUUID } from 'node:crypto'
import type { HandlersFor } from '@shared/api'
import { commentLimits, type CommentThreadView, type projectCommentsArgs } from '@shared/api/projectComments'
import { ApiError } from '@shared/errors'
import { isFromNewerApp } from '@shared/spaces/migrateSpace'
import type { ProjectComment, ProjectDoc } from '@shared/spaces/ProjectDoc'
import type { SpaceAuthor } from '@shared/spaces/SpaceCommon'
import { anchorSelection } from '../spaces/comments/anchorSelection'
import { mayDelete, mayResolve, threadView, threadViews, type CommentReader } from '../spaces/comments/commentThreads'
import { waitForHeads } from '../spaces/comments/waitForHeads'
import { myRole } from '../spaces/projectView'
import { changeSpace, findSpaceDocument, myDevices } from '../spaces/spaceDocuments'
import type { CoreContext } from './CoreContext'

type ProjectCommentsMethod = keyof typeof projectCommentsArgs

const gone = 'This comment no longer exists (someone may have deleted it).'

export function projectCommentsHandlers(ctx: CoreContext) {
  const reader = (doc: ProjectDoc): CommentReader => {
    const devices = myDevices(ctx)
    return { devices, role: myRole(doc.members, devices) }
  }

  const thread = (doc: ProjectDoc, commentId: string): ProjectComment => {
    const found = doc.comments?.[commentId]
    if (typeof found !== 'object' || found === null) throw new ApiError('not-found', gone)
    return found
  }

  /**
   * Viewers may comment too (decided for issue 5: a viewer discussing a plan does not edit it), so
   * comment writes pass viewersMayWrite and check per action what the person may do.
   */
  const write = (projectId: string, fn: (doc: ProjectDoc, who: CommentReader, author: SpaceAuthor) => void) =>
    changeSpace(ctx, 'project', projectId, (doc, author) => fn(doc, reader(doc), author), { viewersMayWrite: true })

  const viewAfter = (doc: ProjectDoc, commentId: string): CommentThreadView => {
    const view = threadView(doc, commentId, thread(doc, commentId), reader(doc))
    if (!view) throw new ApiError('internal', 'The comment was saved but its place in the text could not be read back.')
    return view
  }

  const changeThread = async (projectId: string, commentId: string, fn: (comment: ProjectComment, who: CommentReader, author: SpaceAuthor) => void): Promise<CommentThreadView> => {
    const handle = await write(projectId, (doc, who, author) => fn(thread(doc, commentId), who, author))
    return viewAfter(handle.doc(), commentId)
  }

  return {
    'projects.comments': async ({ projectId, includeResolved }) => {
      const doc = (await findSpaceDocument(ctx, 'project', projectId)).doc()
      return { threads: threadViews(doc, reader(doc), { includeResolved }), canComment: !isFromNewerApp(doc) }
    },

    'projects.addComment': async ({ projectId, from, to, heads, body }) => {
      const handle = await findSpaceDocument(ctx, 'project', projectId)
      await waitForHeads(handle, heads, commentLimits.headsWaitMs)
      const { anchor, quote } = anchorSelection(handle.doc(), heads, from, to)
      const commentId = randomUUID()
      const written = await write(projectId, (doc, _who, author) => {
        if (Object.keys(doc.comments).length >= commentLimits.threadsPerProject) throw new ApiError('too-large', `A project holds at most ${commentLimits.threadsPerProject} comment threads; delete resolved ones first.`)
        doc.comments[commentId] = { id: commentId, from: anchor.from, to: anchor.to, quote, author: author.deviceId, authorName: author.name, body, createdAt: Date.now(), resolvedAt: null, replies: {} }
      })
      return { thread: viewAfter(written.doc(), commentId) }
    },

    'projects.replyToComment': async ({ projectId, commentId, body }) => {
      const replyId = randomUUID()
      const view = await changeThread(projectId, commentId, (comment, _who, author) => {
        // A peer may have written a thread without its replies map.
        if (typeof comment.replies !== 'object' || comment.replies === null) comment.replies = {}
        if (Object.keys(comment.replies).length >= commentLimits.repliesPerThread) throw new ApiError('too-large', `A thread holds at most ${commentLimits.repliesPerThread} replies; start a new comment.`)
        comment.replies[replyId] = { id: replyId, author: author.deviceId, authorName: author.name, body, createdAt: Date.now() }
      })
      return { thread: view, replyId }
    },

    'projects.resolveComment': async ({ projectId, commentId }) => ({
      thread: await changeThread(projectId, commentId, (comment, who) => {
        if (!mayResolve(comment.author, who)) throw new ApiError('bad-request', 'As a viewer you can resolve only the comments you started.')
        if (typeof comment.resolvedAt !== 'number') comment.resolvedAt = Date.now()
      }),
    }),

    'projects.reopenComment': async ({ projectId, commentId }) => ({
      thread: await changeThread(projectId, commentId, (comment, who) => {
        if (!mayResolve(comment.author, who)) throw new ApiError('bad-request', 'As a viewer you can reopen only the comments you started.')
        if (comment.resolvedAt !== null) comment.resolvedAt = null
      }),
    }),

    'projects.deleteComment': async ({ projectId, commentId, replyId }) => {
      await write(projectId, (doc, who) => {
        const comment = thread(doc, commentId)
        if (replyId === undefined) {
          if (!mayDelete(comment.author, who)) throw new ApiError('bad-request', 'Only the person who wrote this comment, or an owner of the project, can delete it.')
          delete doc.comments[commentId]
          return
        }
        const reply = comment.replies?.[replyId]
        if (typeof reply !== 'object' || reply === null) throw new ApiError('not-found', 'This reply no longer exists (someone may have deleted it).')
        if (!mayDelete(reply.author, who)) throw new ApiError('bad-request', 'Only the person who wrote this reply, or an owner of the project, can delete it.')
        delete comment.replies[replyId]
      })
      return { deleted: replyId === undefined ? 'thread' : 'reply' }
    },
  } satisfies HandlersFor<ProjectCommentsMethod>
}
