// Windows .ico with PNG-compressed images (Windows Vista and later read PNG entries at any size).
// Layout: ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then the PNGs; little-endian.

/**
 * @param {Array<{ size: number, png: Uint8Array }>} images one square PNG per size, 1..256
 * @returns {Buffer}
 */
export function buildIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // type 1: icon
  header.writeUInt16LE(images.length, 4)
  let offset = header.length
  images.forEach(({ size, png }, i) => {
    if (size < 1 || size > 256) throw new Error(`an .ico image must be 1..256 px, not ${size}`)
    const entry = 6 + 16 * i
    // A width or height byte of 0 means 256.
    header.writeUInt8(size === 256 ? 0 : size, entry)
    header.writeUInt8(size === 256 ? 0 : size, entry + 1)
    header.writeUInt8(0, entry + 2) // colours in the palette: none
    header.writeUInt8(0, entry + 3) // reserved
    header.writeUInt16LE(1, entry + 4) // colour planes
    header.writeUInt16LE(32, entry + 6) // bits per pixel
    header.writeUInt32LE(png.length, entry + 8)
    header.writeUInt32LE(offset, entry + 12)
    offset += png.length
  })
  return Buffer.concat([header, ...images.map(({ png }) => Buffer.from(png))])
}
