import { TextDecoder } from 'node:util'

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; encoding: string }

/**
 * Turns feed bytes into text the way an XML processor does: a byte-order mark wins, then
 * UTF-16 recognised from the shape of "<?", then the XML declaration's encoding, then the
 * HTTP charset the fetcher saw, then UTF-8. ISO-8859-1 is decoded as windows-1252 (WHATWG),
 * which is what servers labelled latin-1 actually send.
 */
export function decodeFeedBytes(bytes: Uint8Array, httpCharset?: string): DecodeResult {
  const [b0, b1, b2, b3] = bytes
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeWith('utf-8', bytes.subarray(3))
  if (b0 === 0xfe && b1 === 0xff) return decodeWith('utf-16be', bytes.subarray(2))
  if (b0 === 0xff && b1 === 0xfe) return decodeWith('utf-16le', bytes.subarray(2))
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) return decodeWith('utf-16le', bytes)
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) return decodeWith('utf-16be', bytes)
  const declared = declaredEncoding(bytes)
  return decodeWith(declared ?? httpCharset ?? 'utf-8', bytes)
}

/** Reads encoding="..." from an ASCII-compatible XML declaration at the very start. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1')
  if (!head.startsWith('<?xml')) return null
  const end = head.indexOf('?>')
  const declaration = end === -1 ? head : head.slice(0, end)
  const match = /encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(declaration)
  return match?.[1] ?? null
}

function decodeWith(label: string, bytes: Uint8Array): DecodeResult {
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(label.trim().toLowerCase())
  } catch {
    return { ok: false, encoding: label }
  }
  const text = decoder.decode(bytes)
  return { ok: true, text: decoder.encoding === 'windows-1252' ? windows1252Punctuation(text) : text, encoding: decoder.encoding }
}

/** windows-1252 characters for bytes 0x80-0x9F; undefined slots stay as they are. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

/**
 * Node's TextDecoder decodes the windows-1252 label (and iso-8859-1, its WHATWG alias) as
 * Latin-1, leaving curly quotes and dashes as C1 control characters; map them as browsers do.
 */
function windows1252Punctuation(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80] ?? char)
}
