import * as A from '@automerge/automerge'
import { conflictFields, type HistoryValue, type ProjectConflictPath, type ProjectFieldConflict } from '@shared/api/projectHistory'
import { ApiError } from '@shared/errors'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { actorAuthors, actorOfOpId } from './changeAuthors'

const fieldLabels: Record<string, string> = { subject: 'Subject', grade: 'Grade', title: 'title', assignee: 'assigned to', due: 'due date', done: 'done', url: 'link', note: 'note' }

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isValue(value: unknown): value is HistoryValue {
  return value === null || typeof value === 'string' || typeof value === 'boolean'
}

/** The map holding the field a path names, or null when it is gone (a task removed meanwhile). */
function parentOf(doc: ProjectDoc, path: ProjectConflictPath): Record<string, unknown> | null {
  if (path.length === 1) return doc as unknown as Record<string, unknown>
  const item = (doc[path[0]] as Record<string, unknown> | undefined)?.[path[1]]
  return isMap(item) ? item : null
}

function fieldOf(path: ProjectConflictPath): string {
  return path[path.length - 1] as string
}

/** Every value the field holds now with the actor that set it: one, or several when set at once. */
function valuesAt(doc: A.Doc<ProjectDoc>, path: ProjectConflictPath): Array<{ value: HistoryValue; actor: string | null }> {
  const parent = parentOf(doc, path)
  if (!parent) return []
  const conflicts = A.getConflicts(parent, fieldOf(path))
  if (!conflicts) return isValue(parent[fieldOf(path)]) ? [{ value: parent[fieldOf(path)] as HistoryValue, actor: null }] : []
  return Object.entries(conflicts).flatMap(([opId, value]) => (isValue(value) ? [{ value, actor: actorOfOpId(opId) }] : []))
}

function display(doc: ProjectDoc, field: string, value: HistoryValue): string {
  if (field === 'assignee') return value === null ? 'Nobody' : (typeof value === 'string' && doc.members?.[value]?.name) || 'Someone not in the project'
  if (field === 'done') return value === true ? 'Done' : 'Not done'
  if (field === 'due' && value === null) return 'No due date'
  if (field === 'url' && value === null) return 'No link'
  return value === '' || value === null ? '(empty)' : String(value)
}

function paths(doc: ProjectDoc): ProjectConflictPath[] {
  const result: ProjectConflictPath[] = [['subject'], ['grade']]
  for (const id of Object.keys(isMap(doc.tasks) ? doc.tasks : {})) for (const field of conflictFields.task) result.push(['tasks', id, field])
  for (const id of Object.keys(isMap(doc.resources) ? doc.resources : {})) for (const field of conflictFields.resource) result.push(['resources', id, field])
  return result
}

function label(doc: ProjectDoc, path: ProjectConflictPath): string {
  if (path.length === 1) return fieldLabels[path[0]] ?? path[0]
  const title = parentOf(doc, path)?.title
  const noun = path[0] === 'tasks' ? 'Task' : 'Resource'
  return `${noun} “${typeof title === 'string' ? title.slice(0, 80) : ''}”: ${fieldLabels[path[2]] ?? path[2]}`
}

/**
 * Fields two people set at once (Automerge keeps every concurrent value and shows one), each with
 * its distinct values, the one shown now first, and who set each. Identical values are no conflict.
 */
export function fieldConflicts(doc: A.Doc<ProjectDoc>): ProjectFieldConflict[] {
  const authorOf = actorAuthors(doc)
  const conflicts: ProjectFieldConflict[] = []
  for (const path of paths(doc)) {
    const found = valuesAt(doc, path)
    if (found.length < 2) continue
    const shown = parentOf(doc, path)?.[fieldOf(path)]
    const distinct = new Map<HistoryValue, string[]>()
    for (const { value, actor } of found) distinct.set(value, [...(distinct.get(value) ?? []), actor ? authorOf(actor).name : 'Someone'])
    if (distinct.size < 2) continue
    const values = [...distinct].map(([value, names]) => ({ value, display: display(doc, fieldOf(path), value), author: [...new Set(names)].join(' and ') }))
    values.sort((a, b) => Number(b.value === shown) - Number(a.value === shown))
    conflicts.push({ path, label: label(doc, path), values })
  }
  return conflicts
}

/** Inside a change: keeps one value. Writing the field replaces every concurrent value, ending the conflict. */
export function applyResolution(draft: ProjectDoc, path: ProjectConflictPath, value: HistoryValue): void {
  const parent = parentOf(draft, path)
  if (!parent) throw new ApiError('not-found', 'This item no longer exists (someone may have removed it).')
  parent[fieldOf(path)] = value
}

/** Refuses a value the field does not hold (the conflict was settled meanwhile, or a stale screen). */
export function checkResolution(doc: A.Doc<ProjectDoc>, path: ProjectConflictPath, value: HistoryValue): void {
  if (!parentOf(doc, path)) throw new ApiError('not-found', 'This item no longer exists (someone may have removed it).')
  if (!valuesAt(doc, path).some((found) => found.value === value)) throw new ApiError('bad-request', 'That value is no longer one of the choices; someone changed this field meanwhile.')
}

export function resolveConflict(doc: A.Doc<ProjectDoc>, path: ProjectConflictPath, value: HistoryValue): A.Doc<ProjectDoc> {
  checkResolution(doc, path, value)
  return A.change(doc, (draft) => applyResolution(draft, path, value))
}
