// Readers for the files the icon script writes, written from the formats' descriptions and not
// from the writers: the tests parse every output with them, and `--check` uses them to compare
// pixels when the compressed bytes differ (another zlib build compresses the same pixels differently).

/**
 * @param {Uint8Array} bytes
 * @returns {{ width: number, height: number }} from the PNG's IHDR chunk
 */
export function pngDimensions(bytes) {
  const b = Buffer.from(bytes)
  if (b.length < 24 || b.toString('latin1', 1, 4) !== 'PNG' || b.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG')
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
}

/**
 * @param {Uint8Array} bytes an .ico file
 * @returns {Array<{ width: number, height: number, bitCount: number, data: Buffer }>}
 */
export function parseIco(bytes) {
  const b = Buffer.from(bytes)
  if (b.length < 6 || b.readUInt16LE(0) !== 0 || b.readUInt16LE(2) !== 1) throw new Error('not an .ico file')
  const count = b.readUInt16LE(4)
  if (6 + 16 * count > b.length) throw new Error('.ico directory runs past the end of the file')
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i
    const length = b.readUInt32LE(entry + 8)
    const offset = b.readUInt32LE(entry + 12)
    if (offset < 6 + 16 * count || offset + length > b.length) throw new Error(`.ico entry ${i} lies outside the file`)
    return {
      width: b.readUInt8(entry) || 256,
      height: b.readUInt8(entry + 1) || 256,
      bitCount: b.readUInt16LE(entry + 6),
      data: b.subarray(offset, offset + length),
    }
  })
}

/**
 * @param {Uint8Array} bytes an .icns file
 * @returns {{ declaredLength: number, entries: Array<{ type: string, data: Buffer }> }}
 */
export function parseIcns(bytes) {
  const b = Buffer.from(bytes)
  if (b.length < 8 || b.toString('latin1', 0, 4) !== 'icns') throw new Error('not an .icns file')
  const declaredLength = b.readUInt32BE(4)
  const entries = []
  for (let at = 8; at < Math.min(b.length, declaredLength); ) {
    if (at + 8 > b.length) throw new Error('.icns entry header runs past the end of the file')
    const type = b.toString('latin1', at, at + 4)
    const length = b.readUInt32BE(at + 4)
    if (length < 8 || at + length > b.length) throw new Error(`.icns entry ${type} lies outside the file`)
    entries.push({ type, data: b.subarray(at + 8, at + length) })
    at += length
  }
  return { declaredLength, entries }
}
