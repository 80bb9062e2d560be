// macOS .icns with PNG entries: the 'icns' magic and the file's total length, then per entry a
// four-character type and its length (including its own 8-byte header); big-endian.

/**
 * @param {Array<{ type: string, png: Uint8Array }>} entries
 * @returns {Buffer}
 */
export function buildIcns(entries) {
  const chunks = entries.map(({ type, png }) => {
    if (!/^[\x20-\x7e]{4}$/.test(type)) throw new Error(`an .icns type is four ASCII characters, not ${JSON.stringify(type)}`)
    const header = Buffer.alloc(8)
    header.write(type, 0, 'latin1')
    header.writeUInt32BE(8 + png.length, 4)
    return Buffer.concat([header, Buffer.from(png)])
  })
  const header = Buffer.alloc(8)
  header.write('icns', 0, 'latin1')
  header.writeUInt32BE(8 + chunks.reduce((total, chunk) => total + chunk.length, 0), 4)
  return Buffer.concat([header, ...chunks])
}
