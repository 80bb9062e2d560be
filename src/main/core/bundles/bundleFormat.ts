import { createHash } from 'node:crypto'
import { isValidDocumentId } from '@automerge/automerge-repo'
import { z } from 'zod'
import { bundleKinds, bundleLimits, type BundleKind } from '@shared/api/bundles'
import { ApiError } from '@shared/errors'

/**
 * An offline bundle: one shared document in a file (DECISIONS 20).
 *
 *   offset 0   8 bytes   magic 89 53 52 42 0D 0A 1A 0A ("\x89SRB\r\n\x1a\n", PNG-style: a text-mode
 *                        copy or a truncated first line shows as a foreign file, not a damaged one)
 *          8   u16 BE    format version (bundleFormatVersion)
 *         10   u32 BE    metadata length M (at most 64 KiB)
 *         14   M bytes   metadata, UTF-8 JSON (bundleMetadata below)
 *     14 + M   u32 BE    Automerge length N
 *     18 + M   N bytes   the document, `A.save` bytes
 * 18 + M + N   32 bytes  SHA-256 of every byte before it
 *
 * A reader checks, in this order: size, magic, version (a newer layout may differ, so nothing
 * after the version is read from a newer file), checksum and lengths, metadata. Only then is the
 * Automerge binary loaded and the document checked against its kind's schema.
 */
export const bundleFormatVersion = 1
export const bundleMagic = Uint8Array.from([0x89, 0x53, 0x52, 0x42, 0x0d, 0x0a, 0x1a, 0x0a])
export const bundleMimeType = 'application/vnd.staffroom.bundle'
export const bundleExtension = '.staffroom'

const maxMetadataBytes = 64 * 1024
const checksumBytes = 32
const headerBytes = bundleMagic.length + 2 + 4

export const bundleMetadata = z.object({
  documentId: z.string().refine((id): boolean => isValidDocumentId(id), 'not an Automerge document id'),
  kind: z.string().min(1).max(50),
  title: z.string().max(1_000),
  /** Epoch ms. */
  exportedAt: z.number().int().nonnegative(),
  /** The exporting device's id (its certificate fingerprint); a label, not a proof. */
  deviceId: z.string().min(1).max(100),
  deviceName: z.string().max(200).optional(),
  appVersion: z.string().max(50).optional(),
})
export type BundleMetadata = z.infer<typeof bundleMetadata>

export type BundleErrorReason = 'too-large' | 'not-a-bundle' | 'newer-version' | 'damaged' | 'wrong-kind' | 'id-taken'

/** An import refused before anything was written; the message says what is wrong with the file. */
export class BundleError extends ApiError {
  constructor(
    readonly reason: BundleErrorReason,
    message: string,
  ) {
    super(reason === 'too-large' ? 'too-large' : 'bad-request', message)
    this.name = 'BundleError'
  }
}

export function encodeBundle(metadata: BundleMetadata, automerge: Uint8Array): Uint8Array {
  const json = Buffer.from(JSON.stringify(bundleMetadata.parse(metadata)), 'utf8')
  if (json.length > maxMetadataBytes) throw new Error('Bundle metadata is too large.')
  const body = Buffer.alloc(headerBytes + json.length + 4 + automerge.length)
  body.set(bundleMagic, 0)
  body.writeUInt16BE(bundleFormatVersion, 8)
  body.writeUInt32BE(json.length, 10)
  body.set(json, headerBytes)
  body.writeUInt32BE(automerge.length, headerBytes + json.length)
  body.set(automerge, headerBytes + json.length + 4)
  const out = new Uint8Array(body.length + checksumBytes)
  out.set(body, 0)
  out.set(createHash('sha256').update(body).digest(), body.length)
  if (out.length > bundleLimits.maxBytes) throw new BundleError('too-large', `This document is too large to export as a bundle (over ${bundleLimits.maxBytes / 1024 / 1024} MB).`)
  return out
}

/** The metadata and Automerge bytes of a bundle, or a BundleError naming what is wrong. */
export function decodeBundle(input: Uint8Array): { metadata: BundleMetadata & { kind: BundleKind }; automerge: Uint8Array } {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength)
  if (bytes.length > bundleLimits.maxBytes) throw tooLarge()
  if (bytes.length < bundleMagic.length || !bytes.subarray(0, bundleMagic.length).equals(bundleMagic)) {
    throw new BundleError('not-a-bundle', 'This file is not a Staffroom bundle. Choose a file that Staffroom exported with “Export as bundle” (it ends in .staffroom).')
  }
  if (bytes.length < 10) throw damaged('it ends right after its first bytes')
  const version = bytes.readUInt16BE(8)
  if (version > bundleFormatVersion) {
    throw new BundleError('newer-version', `This bundle was made by a newer version of Staffroom (bundle format ${version}; this version reads up to ${bundleFormatVersion}). Update Staffroom, then import it again.`)
  }
  if (version < 1) throw damaged(`its format version (${version}) is not one Staffroom ever wrote`)
  if (bytes.length < headerBytes + 4 + checksumBytes) throw damaged('it is cut short')
  const bodyEnd = bytes.length - checksumBytes
  const expected = createHash('sha256').update(bytes.subarray(0, bodyEnd)).digest()
  if (!expected.equals(bytes.subarray(bodyEnd))) throw damaged('its checksum does not match, so it was cut short or changed after it was exported')
  const metadataLength = bytes.readUInt32BE(10)
  if (metadataLength > maxMetadataBytes || headerBytes + metadataLength + 4 > bodyEnd) throw damaged('its description block has an impossible length')
  const automergeLength = bytes.readUInt32BE(headerBytes + metadataLength)
  if (headerBytes + metadataLength + 4 + automergeLength !== bodyEnd) throw damaged('its document has an impossible length')
  let metadata: BundleMetadata
  try {
    metadata = bundleMetadata.parse(JSON.parse(bytes.subarray(headerBytes, headerBytes + metadataLength).toString('utf8')))
  } catch {
    throw damaged('its description block cannot be read')
  }
  if (!(bundleKinds as readonly string[]).includes(metadata.kind)) {
    throw new BundleError('wrong-kind', `This bundle holds a “${metadata.kind.slice(0, 50)}”, which this version of Staffroom cannot import. Update Staffroom, then import it again.`)
  }
  const start = headerBytes + metadataLength + 4
  return { metadata: metadata as BundleMetadata & { kind: BundleKind }, automerge: new Uint8Array(bytes.subarray(start, start + automergeLength)) }
}

export function damaged(what: string): BundleError {
  return new BundleError('damaged', `This Staffroom bundle is damaged: ${what}. Nothing was imported; export it again from the other device.`)
}

function tooLarge(): BundleError {
  return new BundleError('too-large', `This file is larger than ${bundleLimits.maxBytes / 1024 / 1024} MB, more than any Staffroom bundle. Nothing was imported.`)
}

export { tooLarge as bundleTooLarge }
