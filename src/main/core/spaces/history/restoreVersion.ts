import * as A from '@automerge/automerge'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { bodySpansAt, viewAt } from './versionAt'

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain }

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A value read from a (frozen, materialized) version as a fresh plain value to write. */
function copy(value: unknown): Plain {
  if (Array.isArray(value)) return value.map(copy)
  if (isMap(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]))
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  return null
}

/**
 * Makes a map in the draft equal to the old one, writing only what differs, so a key nobody
 * changed since keeps its history and a concurrent edit elsewhere in the map still merges.
 */
function matchMap(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const key of Object.keys(target)) if (!(key in source)) delete target[key]
  for (const [key, value] of Object.entries(source)) {
    const current = target[key]
    if (isMap(current) && isMap(value)) matchMap(current, value)
    else if (JSON.stringify(copy(current)) !== JSON.stringify(copy(value))) target[key] = copy(value)
  }
}

/**
 * Inside a change: brings the content back to an old version. Title and body are edited as text
 * (only the differences are written), fields and maps are matched key by key. Comments, members and
 * authors stay as they are: discussion and access are not content.
 */
export function applyVersion(draft: ProjectDoc, version: A.Doc<ProjectDoc>): void {
  if (typeof draft.title !== 'string') draft.title = ''
  if (typeof draft.body !== 'string') draft.body = ''
  A.updateText(draft, ['title'], typeof version.title === 'string' ? version.title : '')
  A.updateSpans(draft, ['body'], bodySpansAt(version))
  for (const field of ['subject', 'grade', 'template'] as const) {
    const old = typeof version[field] === 'string' ? version[field] : ''
    if (draft[field] !== old) (draft as unknown as Record<string, string>)[field] = old
  }
  for (const field of ['tasks', 'resources'] as const) {
    const old = isMap(version[field]) ? version[field] : {}
    if (!isMap(draft[field])) draft[field] = {}
    matchMap(draft[field] as Record<string, unknown>, old)
  }
}

/** Restores a version of a document as one new change on top of everything (nothing is rewritten). */
export function restoreVersion(doc: A.Doc<ProjectDoc>, heads: readonly string[], options: A.ChangeOptions<ProjectDoc> = {}): A.Doc<ProjectDoc> {
  const version = viewAt(doc, heads)
  return A.change(doc, options, (draft) => applyVersion(draft, version))
}
