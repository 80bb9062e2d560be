import * as A from '@automerge/automerge'
import type { HistoryGroup, HistorySummary } from '@shared/api/projectHistory'
import { ApiError } from '@shared/errors'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { actorAuthors } from './changeAuthors'

/** Changes from one device belong to one group while they start within this of its first change. */
export const groupWindowMs = 10 * 60_000

/** A group before its summary: grouping only reads change metadata, so it is cheap for any history. */
export interface ChangeGroup {
  id: string
  /** The version before the group (empty for the first) and right after it. */
  headsBefore: string[]
  heads: string[]
  authorKey: string
  authors: string[]
  startedAt: number
  endedAt: number
  changes: number
}

/**
 * Summaries by the versions they span: a group's summary never changes once it is followed by
 * another group, and paging or reopening the timeline asks for the same ones again. Bounded.
 */
const summaryCache = new Map<string, HistorySummary>()
const summaryCacheSize = 2_000

type OpenGroup = ChangeGroup & { names: Set<string> }

/**
 * Where grouping stopped, so the next call on a newer snapshot of the same document only reads
 * the changes made since (reading all change metadata is the cost that grows with history).
 */
export interface GroupingState {
  docHeads: string[]
  heads: ReadonlySet<string>
  closed: readonly ChangeGroup[]
  open: OpenGroup | null
  /** Names come from `authors`; when it changes, earlier groups are named again from scratch. */
  authorsKey: string
}

function authorsKey(doc: A.Doc<ProjectDoc>): string {
  return JSON.stringify(doc.authors ?? {})
}

function closeGroup(group: OpenGroup, heads: ReadonlySet<string>): ChangeGroup {
  const { names, ...rest } = group
  return { ...rest, heads: [...heads].sort(), authors: [...names] }
}

/**
 * Groups the history, oldest first. Changes are walked in the document's own causal order, so
 * every prefix is a complete version; its heads are kept up to date change by change. Given the
 * state of an earlier call on an older snapshot, continues from there.
 */
export function groupChanges(doc: A.Doc<ProjectDoc>, previous?: GroupingState): { groups: ChangeGroup[]; state: GroupingState } {
  const key = authorsKey(doc)
  const resume = previous && previous.authorsKey === key && A.hasHeads(doc, previous.docHeads) ? previous : null
  const authorOf = actorAuthors(doc)
  const heads = new Set(resume?.heads ?? [])
  const closed = [...(resume?.closed ?? [])]
  let open: OpenGroup | null = resume?.open ? { ...resume.open, names: new Set(resume.open.names) } : null
  for (const meta of A.getChangesMetaSince(doc, resume?.docHeads ?? [])) {
    const author = authorOf(meta.actor)
    const time = meta.time * 1000
    if (!open || open.authorKey !== author.key || Math.abs(time - open.startedAt) > groupWindowMs) {
      if (open) closed.push(closeGroup(open, heads))
      open = { id: meta.hash, headsBefore: [...heads].sort(), heads: [], authorKey: author.key, authors: [], names: new Set(), startedAt: time, endedAt: time, changes: 0 }
    }
    open.id = meta.hash
    open.names.add(author.name)
    open.endedAt = Math.max(open.endedAt, time)
    open.changes += 1
    for (const dep of meta.deps) heads.delete(dep)
    heads.add(meta.hash)
  }
  const groups = open ? [...closed, closeGroup(open, heads)] : closed
  // The heads walked, not A.getHeads(doc): a superseded snapshot reads the handle's newer changes.
  return { groups, state: { docHeads: [...heads], heads, closed, open, authorsKey: key } }
}

const otherFields: Record<string, string> = { subject: 'subject', grade: 'grade', template: 'template', archivedAt: 'archived', members: 'members' }

/** Counts what a diff did to a project: text characters, formatting, fields and items touched. */
export function summarizePatches(patches: readonly A.Patch[]): HistorySummary {
  const summary: HistorySummary = { bodyAdded: 0, bodyRemoved: 0, titleAdded: 0, titleRemoved: 0, bodyFormatting: false, fields: [], tasks: 0, resources: 0, comments: 0 }
  const fields = new Set<string>()
  const items = { tasks: new Set<string>(), resources: new Set<string>(), comments: new Set<string>() }
  for (const patch of patches) {
    const [root, key] = patch.path
    if (root === 'body' || root === 'title') {
      const textPatch = patch.path.length === 2
      if (patch.action === 'splice' && textPatch) summary[`${root}Added`] += patch.value.length
      else if (patch.action === 'del' && textPatch) summary[`${root}Removed`] += patch.length ?? 1
      else if (patch.action === 'put' && patch.path.length === 1 && typeof patch.value === 'string') summary[`${root}Added`] += patch.value.length
      else if (root === 'body' && patch.path.length > 1) summary.bodyFormatting = true
      else if (root === 'body' && patch.action === 'mark') summary.bodyFormatting = true
    } else if (root === 'tasks' || root === 'resources' || root === 'comments') {
      if (typeof key === 'string') items[root].add(key)
    } else if (typeof root === 'string' && otherFields[root]) {
      fields.add(otherFields[root])
    }
  }
  return { ...summary, fields: [...fields], tasks: items.tasks.size, resources: items.resources.size, comments: items.comments.size }
}

export function summarizeGroup(doc: A.Doc<ProjectDoc>, group: Pick<ChangeGroup, 'headsBefore' | 'heads'>): HistorySummary {
  const key = `${group.headsBefore.join(',')}>${group.heads.join(',')}`
  const cached = summaryCache.get(key)
  if (cached) return cached
  const summary = summarizePatches(A.diff(doc, group.headsBefore, group.heads))
  if (summaryCache.size >= summaryCacheSize) summaryCache.delete(summaryCache.keys().next().value as string)
  summaryCache.set(key, summary)
  return summary
}

/**
 * The timeline, newest group first, one page at a time: grouping covers the whole history, but
 * only the groups returned are diffed for their summaries (a diff costs far more than grouping).
 */
export function projectTimeline(doc: A.Doc<ProjectDoc>, page: { before?: string; limit: number }, memo?: { state?: GroupingState }): { groups: HistoryGroup[]; total: number; hasMore: boolean } {
  const grouping = groupChanges(doc, memo?.state)
  if (memo) memo.state = grouping.state
  const groups = [...grouping.groups].reverse()
  let start = 0
  if (page.before !== undefined) {
    start = groups.findIndex((g) => g.id === page.before) + 1
    if (start === 0) throw new ApiError('not-found', 'That point in the history is not on this device.')
  }
  const chosen = groups.slice(start, start + page.limit)
  return {
    groups: chosen.map((group) => ({
      id: group.id,
      heads: group.heads,
      authors: group.authors,
      startedAt: group.startedAt,
      endedAt: group.endedAt,
      changes: group.changes,
      summary: summarizeGroup(doc, group),
    })),
    total: groups.length,
    hasMore: start + chosen.length < groups.length,
  }
}
