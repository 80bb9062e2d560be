// PNG encoding with fixed settings (no timestamps, no ancillary chunks), so a re-run writes the
// same bytes; and decoding with the checks the icon source needs.
import pngjs from 'pngjs'

const { PNG } = pngjs

/** @typedef {import('./canvas.mjs').RgbaImage} RgbaImage */

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/**
 * @param {Uint8Array} bytes
 * @returns {boolean} whether the bytes start with the PNG signature
 */
export function isPng(bytes) {
  return bytes.length >= signature.length && Buffer.from(bytes.subarray(0, signature.length)).equals(signature)
}

/**
 * @param {RgbaImage} image
 * @returns {Buffer} an 8-bit RGBA PNG
 */
export function encodePng(image) {
  const png = new PNG({ width: image.width, height: image.height })
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength)
  return PNG.sync.write(png, { colorType: 6, bitDepth: 8, deflateLevel: 9, deflateStrategy: 0, filterType: -1 })
}

/**
 * @param {Uint8Array} bytes a PNG file (any colour type; pngjs expands it to 8-bit RGBA)
 * @returns {RgbaImage}
 */
export function decodePng(bytes) {
  const png = PNG.sync.read(Buffer.from(bytes))
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) }
}
