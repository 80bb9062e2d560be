import * as A from '@automerge/automerge'
import type { DocHandle, DocumentId } from '@automerge/automerge-repo'
import type { BundleFile, BundleImportResult } from '@shared/api/bundles'
import { bundleLimits } from '@shared/api/bundles'
import { ApiError } from '@shared/errors'
import type { CoreContext } from '../api/CoreContext'
import { bundleKindSpecs, listedKind } from './bundleKinds'
import { BundleError, bundleExtension, bundleMimeType, bundleTooLarge, damaged, decodeBundle, encodeBundle } from './bundleFormat'

export interface BundleSource {
  deviceId: string
  deviceName?: string
  appVersion?: string
}

/** Exports a note, lesson project or circle listed in this profile's workspace as bundle bytes. */
export async function exportBundle(ctx: CoreContext, source: BundleSource, documentId: string, now = Date.now()): Promise<{ fileName: string; bytes: Uint8Array }> {
  const kind = listedKind(ctx, documentId)
  if (!kind) throw new ApiError('not-found', 'There is nothing with this id to export (it may have been deleted).')
  const spec = bundleKindSpecs[kind]
  const handle = await spec.find(ctx, documentId)
  const doc = handle.doc() as Record<string, unknown>
  const title = spec.title(doc)
  const bytes = encodeBundle(
    {
      documentId: handle.documentId,
      kind,
      title: title.slice(0, 1_000),
      exportedAt: now,
      deviceId: source.deviceId,
      ...(source.deviceName ? { deviceName: source.deviceName.slice(0, 200) } : {}),
      ...(source.appVersion ? { appVersion: source.appVersion } : {}),
    },
    A.save(doc),
  )
  return { fileName: `${fileNameOf(title, spec.noun)}${bundleExtension}`, bytes }
}

export async function exportBundleFile(ctx: CoreContext, source: BundleSource, documentId: string): Promise<BundleFile> {
  const { fileName, bytes } = await exportBundle(ctx, source, documentId)
  return { fileName, mimeType: bundleMimeType, base64: Buffer.from(bytes).toString('base64'), bytes: bytes.length }
}

/**
 * Imports bundle bytes: everything is checked first (format, version, checksum, the Automerge
 * binary loads, the document has its kind's shape, the id is not some other document's here), so
 * a refused file changes nothing. Then the document is merged into this profile's copy, or added
 * under the same document id and listed in the workspace (so it is indexed), and saved.
 */
export async function importBundle(ctx: CoreContext, bytes: Uint8Array): Promise<BundleImportResult> {
  const { metadata, automerge } = decodeBundle(bytes)
  let loaded: A.Doc<unknown>
  try {
    loaded = A.load<unknown>(automerge)
  } catch {
    throw damaged('its document cannot be read (the Automerge data is corrupt)')
  }
  const kind = metadata.kind
  const spec = bundleKindSpecs[kind]
  const shape = spec.shape.safeParse(A.toJS(loaded))
  if (!shape.success) {
    const issue = shape.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` (${issue.path.map(String).join('.')} is wrong)` : ''
    throw new BundleError('wrong-kind', `This bundle does not hold a ${spec.noun}${where}. Nothing was imported.`)
  }
  const documentId = metadata.documentId as DocumentId
  const existing = await existingCopy(ctx, documentId)
  let handle: DocHandle<unknown>
  let outcome: BundleImportResult['outcome']
  if (existing) {
    if ((existing.doc() as { kind?: unknown }).kind !== kind) {
      throw new BundleError('id-taken', 'This bundle’s document id belongs to a different document in this profile, so it cannot be merged. Nothing was imported.')
    }
    existing.update((doc) => A.merge(doc, loaded))
    handle = existing
    outcome = 'merged'
  } else {
    handle = ctx.repo.import<unknown>(automerge, { docId: documentId })
    outcome = 'added'
  }
  if (!spec.listed(ctx).has(documentId)) spec.list(ctx, documentId, handle.url)
  // Durable on return: automerge-repo saves an imported document only on its next change.
  await ctx.repo.flush([documentId, ctx.workspace.documentId])
  spec.afterImport?.(ctx)
  return {
    documentId,
    url: handle.url,
    kind,
    title: spec.title(handle.doc() as Record<string, unknown>),
    outcome,
    exportedAt: metadata.exportedAt,
    exportedBy: metadata.deviceId,
  }
}

export function importBundleBase64(ctx: CoreContext, base64: string): Promise<BundleImportResult> {
  // Base64 is 4 characters per 3 bytes; refusing on its length avoids allocating a huge buffer first.
  if ((base64.length * 3) / 4 > bundleLimits.maxBytes + 3) throw bundleTooLarge()
  return importBundle(ctx, new Uint8Array(Buffer.from(base64, 'base64')))
}

/** This profile's copy of the document, if it has one (loaded, or in storage), whatever its kind. */
async function existingCopy(ctx: CoreContext, documentId: DocumentId): Promise<DocHandle<unknown> | undefined> {
  const cached = ctx.repo.handles[documentId] as DocHandle<unknown> | undefined
  if (cached?.isReady()) return cached
  // Only what is stored here is looked up: a listed note that never arrived would wait on peers.
  if ((await ctx.storage.loadRange([documentId])).length === 0) return undefined
  try {
    return await ctx.repo.find<unknown>(documentId)
  } catch {
    // Listed, but never arrived on this device: the bundle brings it.
    return undefined
  }
}

function fileNameOf(title: string, noun: string): string {
  const name = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 80)
  return name || `Untitled ${noun}`
}
