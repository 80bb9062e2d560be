import * as A from '@automerge/automerge'
import type { ProjectVersion, VersionSpan } from '@shared/api/projectHistory'
import { ApiError } from '@shared/errors'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { toProjectView } from '../projectView'

type PlainValue = string | number | boolean | null

function plainRecord(value: unknown): Record<string, PlainValue> {
  const result: Record<string, PlainValue> = {}
  if (typeof value !== 'object' || value === null) return result
  for (const [key, v] of Object.entries(value)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') result[key] = v
  }
  return result
}

/** A block marker's type: the editor writes it as an ImmutableString, older or foreign writers as a string. */
function blockType(type: unknown): string {
  if (typeof type === 'string') return type
  return A.isImmutableString(type) ? type.toString() : 'paragraph'
}

/** Rich text spans as plain data: only the block type, scalar attributes and scalar marks cross the wire. */
export function plainSpans(spans: readonly A.Span[]): VersionSpan[] {
  return spans.map((span) =>
    span.type === 'block'
      ? { type: 'block', block: blockType(span.value.type), attrs: plainRecord(span.value.attrs) }
      : { type: 'text', text: span.value, marks: plainRecord(span.marks) },
  )
}

/** The document as it was at `heads`, refused when this device does not have that version. */
export function viewAt(doc: A.Doc<ProjectDoc>, heads: readonly string[]): A.Doc<ProjectDoc> {
  if (heads.length === 0 || !A.hasHeads(doc, [...heads])) throw new ApiError('not-found', 'That version is not on this device (it may not have synced here yet).')
  return A.view(doc, [...heads])
}

export function bodySpansAt(version: A.Doc<ProjectDoc>): A.Span[] {
  return typeof version.body === 'string' ? A.spans(version, ['body']) : []
}

/** A past version, read-only, as plain data (tasks and resources read defensively, as the live view does). */
export function versionAt(doc: A.Doc<ProjectDoc>, heads: readonly string[]): ProjectVersion {
  const version = viewAt(doc, heads)
  const view = toProjectView('', '', version, '')
  return {
    heads: [...heads],
    title: view.title,
    subject: view.subject,
    grade: view.grade,
    template: view.template,
    body: plainSpans(bodySpansAt(version)),
    tasks: view.tasks,
    resources: view.resources,
  }
}
