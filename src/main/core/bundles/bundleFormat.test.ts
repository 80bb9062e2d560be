import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { bundleFormatVersion, bundleMagic, decodeBundle, encodeBundle, type BundleMetadata } from './bundleFormat'

const metadata: BundleMetadata = { documentId: '4NMNnkMhL8jXrdJ9jamS58PAVdXu', kind: 'note', title: 'Plan', exportedAt: 1_700_000_000_000, deviceId: 'A'.repeat(52) }

function refusal(read: () => unknown): { reason: string; message: string } {
  try {
    read()
  } catch (error) {
    return error as { reason: string; message: string }
  }
  throw new Error('expected the bundle to be refused')
}

describe('bundle format 1', () => {
  it('lays out magic, version, metadata, the document and a SHA-256 of all before it, and reads it back', () => {
    const automerge = Uint8Array.from([9, 8, 7])
    const bytes = encodeBundle(metadata, automerge)
    const view = Buffer.from(bytes)
    expect(view.subarray(0, 8).equals(bundleMagic)).toBe(true)
    expect(view.readUInt16BE(8)).toBe(bundleFormatVersion)
    const metadataLength = view.readUInt32BE(10)
    expect(JSON.parse(view.subarray(14, 14 + metadataLength).toString('utf8'))).toEqual(metadata)
    expect(view.readUInt32BE(14 + metadataLength)).toBe(3)
    expect(view.subarray(bytes.length - 32).equals(createHash('sha256').update(view.subarray(0, bytes.length - 32)).digest())).toBe(true)
    expect(decodeBundle(bytes)).toEqual({ metadata, automerge })
  })

  it('names what is wrong, in the order a reader can tell', () => {
    const good = encodeBundle(metadata, Uint8Array.from([1]))
    expect(refusal(() => decodeBundle(good.subarray(0, 4))).reason).toBe('not-a-bundle')
    const newer = new Uint8Array(good.subarray(0, 10))
    newer[9] = 7
    // A newer file is recognised from its first ten bytes: its layout past the version is not read.
    expect(refusal(() => decodeBundle(newer))).toMatchObject({ reason: 'newer-version', message: expect.stringMatching(/bundle format 7/) })
    expect(refusal(() => decodeBundle(good.subarray(0, good.length - 1))).reason).toBe('damaged')
    expect(() => encodeBundle({ ...metadata, documentId: 'not-an-id' }, Uint8Array.from([1]))).toThrow()
  })
})
