import { TextDecoder } from 'node:util'
import type { OpmlError } from './opmlTypes'

/** Encodings real OPML exports declare, by the label TextDecoder knows them by. */
const supportedEncodings: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  'iso-8859-1': 'latin1',
  'iso8859-1': 'latin1',
  latin1: 'latin1',
  'windows-1252': 'latin1',
  'cp1252': 'latin1',
}

/**
 * Stricter on purpose than decodeFeedBytes (which follows what servers actually send, lenient
 * to wrong charset labels): an OPML file is the teacher's own export, so a file that does not
 * decode cleanly is refused with a reason rather than imported with mangled addresses.
 * Decodes OPML bytes as XML says to: a byte order mark wins (UTF-8 or UTF-16), otherwise the
 * XML declaration's encoding, otherwise UTF-8. Invalid UTF-8 is an error rather than
 * replacement characters, because a silently mangled feed address would fail later and far away.
 */
export function decodeOpmlBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: OpmlError } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2))
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWith('utf-8', bytes.subarray(3))
  // The declaration is ASCII in every encoding we accept without a BOM, so latin1 reads it safely.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256))
  const declared = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1]
  if (declared === undefined) return decodeWith('utf-8', bytes)
  const label = supportedEncodings[declared.toLowerCase()]
  if (label === undefined) {
    const hint = /^utf-?16/i.test(declared) ? ' UTF-16 files need a byte order mark.' : ' Save it as UTF-8 and import it again.'
    return { ok: false, error: { code: 'unsupported-encoding', message: `The file declares the encoding "${declared}", which Staffroom cannot read.${hint}` } }
  }
  return decodeWith(label, bytes)
}

function decodeWith(label: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: OpmlError } {
  try {
    return { ok: true, text: new TextDecoder(label, { fatal: true }).decode(bytes) }
  } catch {
    return { ok: false, error: { code: 'bad-encoding', message: `The file is not valid ${label.toUpperCase()} text. Save it as UTF-8 and import it again.` } }
  }
}
