import type { Transform } from 'node:stream'
import zlib from 'node:zlib'

/**
 * The stream that undoes a Content-Encoding, none for identity, or the name of one Staffroom
 * does not read. "deflate" is unpacked by createUnzip, which also accepts a gzip body mislabelled so.
 */
export function contentDecoder(header: string | undefined): { stream: Transform | null } | { unsupported: string } {
  const codings = (header ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity')
  if (codings.length === 0) return { stream: null }
  if (codings.length > 1) return { unsupported: codings.join(', ') }
  const [coding] = codings
  if (coding === 'gzip' || coding === 'x-gzip') return { stream: zlib.createGunzip() }
  if (coding === 'br') return { stream: zlib.createBrotliDecompress() }
  if (coding === 'deflate') return { stream: zlib.createUnzip() }
  return { unsupported: coding! }
}
