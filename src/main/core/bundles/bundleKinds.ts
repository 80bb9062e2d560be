import type { AutomergeUrl, DocHandle } from '@automerge/automerge-repo'
import { z } from 'zod'
import type { BundleKind } from '@shared/api/bundles'
import type { CoreContext } from '../api/CoreContext'
import { findNoteDocument } from '../api/noteDocuments'
import { findSpaceDocument, listSpaces, workspaceSpaces } from '../spaces/spaceDocuments'
import { workspaceNotes } from '../workspace/openWorkspace'

/** What a bundle needs to know about one kind of document. */
interface BundleKindSpec {
  /** What the document must look like to be imported (unknown extra fields are kept). */
  shape: z.ZodType
  /** What people call it, in messages. */
  noun: string
  listed: (ctx: CoreContext) => ReadonlyMap<string, AutomergeUrl>
  list: (ctx: CoreContext, documentId: string, url: AutomergeUrl) => void
  find: (ctx: CoreContext, documentId: string) => Promise<DocHandle<unknown>>
  title: (doc: Record<string, unknown>) => string
  /** After an import: bring the search index up to date at once (notes only have one). */
  afterImport?: (ctx: CoreContext) => void
}

const member = z.looseObject({ name: z.string(), role: z.enum(['owner', 'editor', 'viewer']) })
// A space from a newer Staffroom is accepted (schemaVersion is not capped): it opens read-only.
const spaceCommon = { schemaVersion: z.number().int().min(1), members: z.record(z.string(), member), authors: z.record(z.string(), z.unknown()) }

export const bundleKindSpecs: Record<BundleKind, BundleKindSpec> = {
  note: {
    noun: 'note',
    shape: z.looseObject({
      kind: z.literal('note'),
      schemaVersion: z.number().int().min(1),
      title: z.string(),
      body: z.string(),
      tags: z.array(z.string()),
      pinned: z.boolean(),
      trashedAt: z.number().nullable(),
      createdAt: z.number(),
    }),
    listed: (ctx) => workspaceNotes(ctx.workspace),
    list: (ctx, documentId, url) => ctx.workspace.change((workspace) => void (workspace.notes[documentId] = url)),
    find: (ctx, documentId) => findNoteDocument(ctx, documentId) as Promise<DocHandle<unknown>>,
    title: (doc) => String(doc.title ?? ''),
    afterImport: (ctx) => ctx.indexer.flushPending(),
  },
  project: {
    noun: 'lesson project',
    shape: z.looseObject({ kind: z.literal('project'), ...spaceCommon, title: z.string(), body: z.string() }),
    listed: (ctx) => workspaceSpaces(ctx.workspace, 'project'),
    list: (ctx, _documentId, url) => listSpaces(ctx.workspace, 'project', [url]),
    find: (ctx, documentId) => findSpaceDocument(ctx, 'project', documentId) as Promise<DocHandle<unknown>>,
    title: (doc) => String(doc.title ?? ''),
  },
  circle: {
    noun: 'circle',
    shape: z.looseObject({ kind: z.literal('circle'), ...spaceCommon, name: z.string() }),
    listed: (ctx) => workspaceSpaces(ctx.workspace, 'circle'),
    list: (ctx, _documentId, url) => listSpaces(ctx.workspace, 'circle', [url]),
    find: (ctx, documentId) => findSpaceDocument(ctx, 'circle', documentId) as Promise<DocHandle<unknown>>,
    title: (doc) => String(doc.name ?? ''),
  },
}

/** The kind of a document this profile lists, or undefined. */
export function listedKind(ctx: CoreContext, documentId: string): BundleKind | undefined {
  return (Object.keys(bundleKindSpecs) as BundleKind[]).find((kind) => bundleKindSpecs[kind].listed(ctx).has(documentId))
}
