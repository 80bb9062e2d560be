import { z } from 'zod'
import type { ProjectResource, ProjectTask, ProjectTemplateId } from '../spaces/ProjectDoc'

/**
 * History of a lesson project (every change is kept by Automerge): a timeline grouped by author
 * and time, any past version read-only, what changed since a version, restoring a version as a
 * new change (nothing is rewritten), and fields two people set at once, with both values.
 * A version is named by its heads: the hashes of the changes it ends with.
 */

const id = z.string().min(1).max(64)
const changeHash = z.string().regex(/^[0-9a-f]{64}$/, 'A change hash is 64 hex digits.')
const heads = z.array(changeHash).min(1, 'Choose a version.').max(64)

export const projectHistoryLimits = {
  /** Groups per page of the timeline (each returned group is diffed for its summary). */
  groupsPerPage: 20,
  maxGroupsPerPage: 200,
  /** Body segments listed in "what changed" before the rest is only counted. */
  bodySegments: 200,
  /** Characters of one inserted or deleted segment shown; the rest is counted. */
  segmentChars: 2_000,
  /** Characters of unchanged text shown either side of a segment. */
  contextChars: 40,
} as const

/** What one group of changes did, counted from the diff across the group. */
export interface HistorySummary {
  bodyAdded: number
  bodyRemoved: number
  titleAdded: number
  titleRemoved: number
  /** Headings, list items and formatting changed in the body (block markers and marks). */
  bodyFormatting: boolean
  /** Other fields set: 'subject', 'grade', 'template', 'archived', 'members'. */
  fields: string[]
  /** How many distinct tasks, resources and comments were added, changed or removed. */
  tasks: number
  resources: number
  comments: number
}

/** Consecutive changes from one device within ten minutes of the group's first change. */
export interface HistoryGroup {
  /** Hash of the group's last change. */
  id: string
  /** The version right after this group: open, compare or restore it. */
  heads: string[]
  /** Who wrote with the group's actors ("Someone" for an actor no one registered). */
  authors: string[]
  startedAt: number
  endedAt: number
  changes: number
  summary: HistorySummary
}

/** A piece of body rich text: a block marker (heading, paragraph, list item…) or text with marks. */
export type VersionSpan =
  | { type: 'block'; block: string; attrs: Record<string, string | number | boolean | null> }
  | { type: 'text'; text: string; marks: Record<string, string | number | boolean | null> }

/** A past version as plain, read-only data. */
export interface ProjectVersion {
  heads: string[]
  title: string
  subject: string
  grade: string
  template: ProjectTemplateId
  body: VersionSpan[]
  tasks: ProjectTask[]
  resources: ProjectResource[]
}

export type HistoryValue = string | boolean | null

export interface HistoryFieldChange {
  field: string
  before: HistoryValue
  after: HistoryValue
  /** Who set the current value, when the document records it (text values), else null. */
  by: string | null
}

export interface HistoryItemChange {
  id: string
  /** The item's title now, or as it was when it was removed. */
  title: string
  change: 'added' | 'removed' | 'changed'
  /** For 'changed': each field that differs. */
  fields: HistoryFieldChange[]
  /** For 'added': who added it. */
  by: string | null
}

export interface HistoryBodySegment {
  change: 'inserted' | 'deleted'
  /** The text inserted or deleted, block breaks as new lines, at most segmentChars. */
  text: string
  /** Characters beyond those shown. */
  moreChars: number
  /** Unchanged text just before and after, from the current body. */
  before: string
  after: string
}

export interface ProjectChangesSince {
  heads: string[]
  /** Title, subject, grade and template that differ from the version. */
  fields: HistoryFieldChange[]
  tasks: HistoryItemChange[]
  resources: HistoryItemChange[]
  body: HistoryBodySegment[]
  /** Body segments beyond those listed. */
  moreBodySegments: number
  /** Whose changes lie between the version and now, most changes first. */
  authors: Array<{ name: string; changes: number }>
  changes: number
}

export const conflictFields = { task: ['title', 'assignee', 'due', 'done'], resource: ['title', 'url', 'note'] } as const

const conflictPath = z.union([
  z.tuple([z.enum(['subject', 'grade'])]),
  z.tuple([z.literal('tasks'), id, z.enum(conflictFields.task)]),
  z.tuple([z.literal('resources'), id, z.enum(conflictFields.resource)]),
])
export type ProjectConflictPath = z.infer<typeof conflictPath>

/** A field two people set at once: every value, with who set it. */
export interface ProjectFieldConflict {
  path: ProjectConflictPath
  /** "Subject", "Task “Slides”: due date"… */
  label: string
  values: Array<{ value: HistoryValue; display: string; author: string }>
}

export const projectHistoryArgs = {
  /** Newest group first; `before` pages on from a group id. */
  'projects.history': z.object({ projectId: id, before: changeHash.optional(), limit: z.number().int().min(1).max(projectHistoryLimits.maxGroupsPerPage).default(projectHistoryLimits.groupsPerPage) }),
  'projects.version': z.object({ projectId: id, heads }),
  'projects.changesSince': z.object({ projectId: id, heads }),
  /** Makes the content (title, body, subject, grade, template, tasks, resources) equal to the version, as a new change. */
  'projects.restore': z.object({ projectId: id, heads }),
  'projects.conflicts': z.object({ projectId: id }),
  /** Keeps one of a conflict's values (it must be one of them), which ends the conflict. */
  'projects.resolveConflict': z.object({ projectId: id, path: conflictPath, value: z.union([z.string().max(4_000), z.boolean(), z.null()]) }),
}

export interface ProjectHistoryResults {
  'projects.history': { groups: HistoryGroup[]; total: number; hasMore: boolean }
  'projects.version': { version: ProjectVersion }
  'projects.changesSince': { changes: ProjectChangesSince }
  'projects.restore': { heads: string[] }
  'projects.conflicts': { conflicts: ProjectFieldConflict[] }
  'projects.resolveConflict': { conflicts: ProjectFieldConflict[] }
}
