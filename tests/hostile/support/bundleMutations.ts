import { createHash } from 'node:crypto'
import * as A from '@automerge/automerge'
import fc from 'fast-check'
import { bundleMagic, decodeBundle } from '../../../src/main/core/bundles/bundleFormat'
import { applyMutation, byteMutation, type Mutation } from './fileMutations'
import { strayDocumentId } from './importMutations'
import { isLongRun } from './trials'

/**
 * Damage to offline bundles (src/main/core/bundles/bundleFormat.ts). Plain byte damage mostly
 * meets the checksum, so most edits here change one part and then *reseal* the file (lengths and
 * SHA-256 recomputed) to reach the checks behind it: the metadata's schema, the Automerge binary,
 * the document's shape, its id against this profile's documents.
 */
export interface BundleParts {
  version: number
  metadata: string
  automerge: Uint8Array
}

export type BundleEdit =
  | { part: 'version'; version: number }
  | { part: 'metadata'; name: string; value: unknown }
  | { part: 'metadata-text'; name: string }
  | { part: 'automerge-bytes'; damage: Mutation }
  | { part: 'document'; name: string }

/** What a bundle is made of, read back from a valid one. */
export function partsOf(bundle: Uint8Array): BundleParts {
  const { metadata, automerge } = decodeBundle(bundle)
  return { version: 1, metadata: JSON.stringify(metadata), automerge }
}

/** Lays the parts out as format 1 does, with lengths and checksum that match (whatever the parts hold). */
export function seal(parts: BundleParts): Uint8Array {
  const json = Buffer.from(parts.metadata, 'utf8')
  const body = Buffer.alloc(8 + 2 + 4 + json.length + 4 + parts.automerge.length)
  body.set(bundleMagic, 0)
  body.writeUInt16BE(parts.version & 0xffff, 8)
  body.writeUInt32BE(json.length, 10)
  body.set(json, 14)
  body.writeUInt32BE(parts.automerge.length, 14 + json.length)
  body.set(parts.automerge, 18 + json.length)
  return Buffer.concat([body, createHash('sha256').update(body).digest()])
}

const note = (fields: Record<string, unknown>) => A.save(A.from({ kind: 'note', schemaVersion: 1, title: 'Note', body: '', tags: [], pinned: false, trashedAt: null, createdAt: 1, ...fields }))
const nestedMaps = (levels: number) => {
  let nested: Record<string, unknown> = { leaf: true }
  for (let i = 0; i < levels; i++) nested = { n: nested }
  return nested
}

/**
 * Documents of the wrong shape, or hostile in size, carried as the bundle's Automerge bytes. The
 * largest cost seconds of Automerge time each (a 600,000-character title is 600,000 operations in
 * a file of under 1 KB), so they run in the long run only.
 */
const documents: Record<string, () => Uint8Array> = {
  'a contacts shard': () => A.save(A.from({ records: { c1: { name: 'Not a note' } } })),
  'a note whose title is a number': () => note({ title: 5 }),
  'a note with 31 tags of 41 characters': () => note({ tags: Array.from({ length: 31 }, (_, i) => `${i}${'t'.repeat(40)}`) }),
  'a note with a 3,000-character title': () => note({ title: 'x'.repeat(3_000) }),
  'a note nested 100 maps deep': () => note({ extra: nestedMaps(100) }),
  'a note from schema version 999': () => note({ schemaVersion: 999 }),
  'no document at all': () => new Uint8Array(),
  ...(isLongRun
    ? {
        'a note with 1,000 tags of 41 characters': () => note({ tags: Array.from({ length: 1000 }, (_, i) => `${i}${'t'.repeat(40)}`) }),
        'a note with a 600,000-character title': () => note({ title: 'x'.repeat(600_000) }),
        'a note nested 1,000 maps deep': () => note({ extra: nestedMaps(1000) }),
      }
    : {}),
}

/** A value for a metadata field; `{ chars }` stands for a string that long (kept small so a failing case prints short). */
type MetadataValue = unknown

const giantText = (limit: number) => fc.constantFrom(limit - 1, limit, limit + 1, limit * 50).map((chars) => ({ chars }))
const metadataTexts: Record<string, () => string> = {
  'not JSON': () => '{"documentId": ',
  empty: () => '',
  'an array': () => '[]',
  'nested 10,000 deep (64 KB at most)': () => `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
  'lone surrogates': () => '"\udc80\ud800"',
}

/** `ids.workspace` is this profile's workspace document id: a bundle claiming it must be refused. */
export function bundleEdit(ids: { workspace: string }): fc.Arbitrary<BundleEdit> {
  const metadataValue = (name: string, value: fc.Arbitrary<MetadataValue>) => value.map((v): BundleEdit => ({ part: 'metadata', name, value: v }))
  return fc.oneof(
    fc.constantFrom(0, 2, 65_535).map((version): BundleEdit => ({ part: 'version', version })),
    metadataValue('title', fc.oneof(giantText(1_000), fc.constantFrom<unknown>(null, 5, ['x'], '<script>alert(1)</script>'))),
    metadataValue('deviceName', fc.oneof(giantText(200), fc.constant<unknown>(null))),
    metadataValue('appVersion', giantText(50)),
    metadataValue('deviceId', fc.oneof(giantText(100), fc.constant<unknown>(''))),
    metadataValue('kind', fc.constantFrom<unknown>('project', 'circle', 'contact', 'workspace', '', 'constructor', '__proto__', null, { chars: 51 })),
    metadataValue('documentId', fc.constantFrom<unknown>(ids.workspace, strayDocumentId, 'not-an-id', `automerge:${strayDocumentId}`, '', null)),
    metadataValue('exportedAt', fc.constantFrom<unknown>(-1, 1e300, 1.5, '2026-01-01', null)),
    metadataValue('__proto__', fc.constant<unknown>({ polluted: true })),
    fc.constantFrom(...Object.keys(metadataTexts)).map((name): BundleEdit => ({ part: 'metadata-text', name })),
    byteMutation.map((damage): BundleEdit => ({ part: 'automerge-bytes', damage })),
    fc.constantFrom(...Object.keys(documents)).map((name): BundleEdit => ({ part: 'document', name })),
  )
}

const expand = (value: MetadataValue): unknown => (typeof value === 'object' && value !== null && 'chars' in value ? 'x'.repeat((value as { chars: number }).chars) : value)

/** The parts with one edit applied. */
export function applyBundleEdit(parts: BundleParts, edit: BundleEdit): BundleParts {
  switch (edit.part) {
    case 'version':
      return { ...parts, version: edit.version }
    case 'metadata': {
      if (edit.name === '__proto__') return { ...parts, metadata: parts.metadata.replace(/^\{/, `{"__proto__": ${JSON.stringify(edit.value)},`) }
      try {
        const metadata = JSON.parse(parts.metadata) as Record<string, unknown>
        metadata[edit.name] = expand(edit.value)
        return { ...parts, metadata: JSON.stringify(metadata) }
      } catch {
        // Metadata already broken (not JSON, or nested too deep to write back): this edit has nothing to change.
        return parts
      }
    }
    case 'metadata-text':
      return { ...parts, metadata: metadataTexts[edit.name]!() }
    case 'automerge-bytes':
      return { ...parts, automerge: applyMutation(parts.automerge, edit.damage) }
    case 'document':
      return { ...parts, automerge: documents[edit.name]!() }
  }
}
