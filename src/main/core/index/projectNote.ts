import * as A from '@automerge/automerge'
import { limits } from '@shared/limits'
import { normaliseTags } from '@shared/notes/tags'
import type { StoredNote } from '@shared/notes/migrateNote'
import type { NoteRow } from './NoteRow'

/** Private-use characters that snippet() wraps matches in; removed from indexed text so they only ever mean "match". */
export const matchStart = '\uE000'
export const matchEnd = '\uE001'
const markerPattern = /[\uE000\uE001\uFFFC]/g

/**
 * Projects a note document into its index row. Pure and deterministic for a given document
 * state, so incremental indexing and a rebuild give the same rows. Everything is read
 * defensively (a peer may send any shape and any size) and truncated to the index limits.
 */
export function projectNote(doc: A.Doc<StoredNote>, id: string, url: string): NoteRow {
  const heads = [...A.getHeads(doc)].sort()
  const createdAt = finiteOr(doc.createdAt, 0)
  const bodyText = plainBody(doc)
  const latestChange = latestChangeTime(doc, heads)
  return {
    id,
    url,
    title: oneLine(textOf(doc.title) ?? '', limits.noteTitleChars),
    excerpt: oneLine(bodyText, limits.excerptChars),
    bodyText,
    tags: normaliseTags(Array.isArray(doc.tags) ? doc.tags : []),
    pinned: doc.pinned === true,
    trashedAt: typeof doc.trashedAt === 'number' && Number.isFinite(doc.trashedAt) ? doc.trashedAt : null,
    createdAt,
    updatedAt: latestChange > 0 ? latestChange : createdAt,
    heads,
  }
}

/** Body text with one line per block, from the rich-text spans (block markers + text). */
export function plainBody(doc: A.Doc<StoredNote>): string {
  const parts: string[] = []
  let length = 0
  for (const span of bodySpans(doc)) {
    if (length >= limits.indexedBodyChars) break
    const text = span.type === 'block' ? (parts.length > 0 ? '\n' : '') : span.value
    parts.push(text)
    length += text.length
  }
  return parts.join('').replace(markerPattern, '').slice(0, limits.indexedBodyChars)
}

function bodySpans(doc: A.Doc<StoredNote>): A.Span[] {
  const body: unknown = doc.body
  if (typeof body === 'string') return A.spans(doc, ['body'])
  // Another client may have written an immutable (non-collaborative) string.
  const text = textOf(body)
  return text === undefined ? [] : [{ type: 'text', value: text }]
}

/** The text of a collaborative or immutable string; undefined for anything else. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  return A.isImmutableString(value) ? (value as A.ImmutableString).val : undefined
}

/**
 * Epoch ms of the newest change among the heads. Uses the change metadata (no op decoding,
 * unlike inspectChange), which matters for a document whose last change is large.
 */
export function latestChangeTime(doc: A.Doc<unknown>, heads: string[]): number {
  const backend = A.getBackend(doc)
  let latest = 0
  for (const hash of heads) {
    const seconds = backend.getChangeMetaByHash(hash)?.time ?? 0
    latest = Math.max(latest, seconds * 1000)
  }
  return latest
}

function oneLine(text: string, maxChars: number): string {
  return text
    .slice(0, maxChars * 4)
    .replace(markerPattern, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxChars)
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}
