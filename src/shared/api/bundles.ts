import { z } from 'zod'

/**
 * Offline bundles: one shared document (a note, lesson project or circle) in a file (USB stick,
 * email), for when two devices cannot sync directly. `bundles.export` returns the file as base64 with a suggested name; the shell saves
 * it. `bundles.import` takes a file's bytes as base64, checks all of it (a Staffroom bundle, a
 * version this app reads, the checksum, the document loads and has the shape of its kind) before
 * touching anything, then merges it into the copy this profile has, or adds it under the same
 * document id, so a later bundle or a sync of the same document merges instead of duplicating.
 * A refused file changes nothing and its error says what is wrong (not a bundle, made by a newer
 * Staffroom, damaged, not the kind it claims to be).
 */

/** The kinds of document a bundle may hold. */
export const bundleKinds = ['note', 'project', 'circle'] as const
export type BundleKind = (typeof bundleKinds)[number]

export const bundleLimits = {
  /** The largest bundle accepted or written, in bytes. */
  maxBytes: 50 * 1024 * 1024,
} as const

export interface BundleFile {
  fileName: string
  mimeType: string
  base64: string
  bytes: number
}

export interface BundleImportResult {
  documentId: string
  url: string
  kind: BundleKind
  title: string
  /** 'merged' when this profile already had the document; 'added' when it is new here. */
  outcome: 'added' | 'merged'
  exportedAt: number
  /** The id of the device that exported it, as the file says (a label, not a proof). */
  exportedBy: string
}

export const bundlesArgs = {
  'bundles.export': z.object({ documentId: z.string().min(1).max(100) }),
  // The size limit is checked by the core, with a message that says what is wrong.
  'bundles.import': z.object({ base64: z.string() }),
}

export interface BundlesResults {
  'bundles.export': BundleFile
  'bundles.import': BundleImportResult
}
