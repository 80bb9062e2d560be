import * as A from '@automerge/automerge'
import type { HistoryFieldChange, HistoryItemChange, HistoryValue, ProjectChangesSince } from '@shared/api/projectHistory'
import type { ProjectDoc, ProjectResource, ProjectTask } from '@shared/spaces/ProjectDoc'
import { toProjectView } from '../projectView'
import { bodySegments } from './bodyChanges'
import { actorAuthors, actorOfOpId } from './changeAuthors'
import { viewAt } from './versionAt'

type NameOf = (actor: string) => string

/**
 * Who set a value, when the value is an object of its own: strings are Automerge text, created by
 * the change that set them (a title typed in place is not: its text was created once, long ago).
 */
function setterOf(parent: unknown, key: string, nameOf: NameOf): string | null {
  if (typeof parent !== 'object' || parent === null) return null
  const objectId: unknown = A.getObjectId(parent, key)
  return typeof objectId === 'string' ? nameOf(actorOfOpId(objectId)) : null
}

function fieldChange(field: string, before: HistoryValue, after: HistoryValue, by: string | null): HistoryFieldChange[] {
  return before === after ? [] : [{ field, before, after, by }]
}

function itemChanges<T extends { id: string; title: string }>(
  before: readonly T[],
  after: readonly T[],
  fields: ReadonlyArray<keyof T & string>,
  live: Record<string, unknown> | undefined,
  nameOf: NameOf,
): HistoryItemChange[] {
  const old = new Map(before.map((item) => [item.id, item]))
  const changes: HistoryItemChange[] = []
  for (const item of after) {
    const previous = old.get(item.id)
    const liveItem = live?.[item.id]
    if (!previous) {
      changes.push({ id: item.id, title: item.title, change: 'added', fields: [], by: setterOf(live, item.id, nameOf) })
      continue
    }
    old.delete(item.id)
    const changed = fields.flatMap((field) => fieldChange(field, previous[field] as HistoryValue, item[field] as HistoryValue, setterOf(liveItem, field, nameOf)))
    if (changed.length > 0) changes.push({ id: item.id, title: item.title, change: 'changed', fields: changed, by: null })
  }
  for (const removed of old.values()) changes.push({ id: removed.id, title: removed.title, change: 'removed', fields: [], by: null })
  return changes
}

const taskFields: ReadonlyArray<keyof ProjectTask & string> = ['title', 'assignee', 'due', 'done']
const resourceFields: ReadonlyArray<keyof ProjectResource & string> = ['title', 'url', 'note']

/** What changed between a past version and now: fields, tasks, resources, body text, and whose changes. */
export function changesSince(doc: A.Doc<ProjectDoc>, heads: readonly string[]): ProjectChangesSince {
  const version = viewAt(doc, heads)
  const authorOf = actorAuthors(doc)
  const nameOf: NameOf = (actor) => authorOf(actor).name
  const before = toProjectView('', '', version, '')
  const now = toProjectView('', '', doc, '')

  const fields = [
    ...fieldChange('title', before.title, now.title, null),
    ...(['subject', 'grade', 'template'] as const).flatMap((field) => fieldChange(field, before[field], now[field], setterOf(doc, field, nameOf))),
  ]

  const metas = A.getChangesMetaSince(doc, [...heads])
  const counts = new Map<string, { name: string; changes: number }>()
  for (const meta of metas) {
    const author = authorOf(meta.actor)
    const entry = counts.get(author.key) ?? { name: author.name, changes: 0 }
    entry.changes += 1
    counts.set(author.key, entry)
  }

  const oldBody = typeof version.body === 'string' ? version.body : ''
  const body = metas.length === 0 || typeof doc.body !== 'string' ? { segments: [], more: 0 } : bodySegments(oldBody, A.diffPath(doc, ['body'], [...heads], A.getHeads(doc)))
  return {
    heads: [...heads],
    fields,
    tasks: itemChanges(before.tasks, now.tasks, taskFields, doc.tasks as Record<string, unknown> | undefined, nameOf),
    resources: itemChanges(before.resources, now.resources, resourceFields, doc.resources as Record<string, unknown> | undefined, nameOf),
    body: body.segments,
    moreBodySegments: body.more,
    authors: [...counts.values()].sort((a, b) => b.changes - a.changes),
    changes: metas.length,
  }
}
