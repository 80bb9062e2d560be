import type { SpaceAuthors, SpaceMembers } from './SpaceCommon'

export type ProjectTemplateId = 'blank' | 'lesson-plan' | 'unit-plan' | 'workshop'

export interface ProjectTask {
  id: string
  title: string
  /** Device id of the member it is assigned to, or null. */
  assignee: string | null
  /** Local day, YYYY-MM-DD, or null. */
  due: string | null
  done: boolean
  createdAt: number
}

export interface ProjectResource {
  id: string
  title: string
  /** http(s) link, or null for a note-only resource. */
  url: string | null
  note: string
  addedBy: string
  addedAt: number
}

export interface CommentReply {
  id: string
  author: string
  authorName: string
  body: string
  createdAt: number
}

/**
 * A comment thread anchored to a range of the body by two Automerge cursors (A.getCursor on
 * ['body']), which keep their place as text is inserted and deleted around them.
 */
export interface ProjectComment {
  id: string
  from: string
  to: string
  /** The text the range held when the comment was made (shown if the range is deleted). */
  quote: string
  author: string
  authorName: string
  body: string
  createdAt: number
  resolvedAt: number | null
  replies: { [replyId: string]: CommentReply }
}

/** One lesson project: its own Automerge document, shared with its members. */
export interface ProjectDoc {
  kind: 'project'
  schemaVersion: number
  /** Automerge text, co-edited live. */
  title: string
  subject: string
  grade: string
  template: ProjectTemplateId
  /** Automerge rich text (block markers and marks), co-edited through @automerge/prosemirror. */
  body: string
  tasks: { [taskId: string]: ProjectTask }
  resources: { [resourceId: string]: ProjectResource }
  members: SpaceMembers
  authors: SpaceAuthors
  comments: { [commentId: string]: ProjectComment }
  createdAt: number
  archivedAt: number | null
}

export const projectSchemaVersion = 1
