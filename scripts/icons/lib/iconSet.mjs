// Every icon file the app ships, rendered in memory from the one source image. Paths are relative
// to resources/ (electron-builder's buildResources directory).
import { drawDueBadge } from './drawBadge.mjs'
import { downscale } from './downscale.mjs'
import { buildIcns } from './icns.mjs'
import { buildIco } from './ico.mjs'
import { decodePng, encodePng, isPng } from './png.mjs'

/** @typedef {import('./canvas.mjs').RgbaImage} RgbaImage */

export const sourceSize = 1024
/** electron-builder's Linux icon directory: icons/<N>x<N>.png. */
export const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
export const icoSizes = [16, 24, 32, 48, 64, 128, 256]
/** @type {Array<[string, number]>} .icns types and their pixel sizes (ic11..ic14 are the Retina, double-resolution variants). */
export const icnsTypes = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
]
/** @type {Array<[string, number]>} the taskbar overlay badge and its pixel sizes */
export const badgeFiles = [
  ['badge-due.png', 16],
  ['badge-due@2x.png', 32],
]

/**
 * @param {string} message
 * @returns {Error} named IconSourceError, so the command line prints its message without a stack
 */
function sourceError(message) {
  const error = new Error(message)
  error.name = 'IconSourceError'
  return error
}

/**
 * Decodes the source image, refusing one the icons cannot be made from.
 * @param {Uint8Array} bytes
 * @param {string} [name] how to call the file in messages
 * @returns {RgbaImage}
 */
export function readIconSource(bytes, name = 'resources/icon-source.png') {
  if (!isPng(bytes)) throw sourceError(`${name} is not a PNG file; the icon source must be a square PNG of at least ${sourceSize}x${sourceSize}.`)
  let image
  try {
    image = decodePng(bytes)
  } catch (error) {
    throw sourceError(`${name} could not be read as a PNG (${error instanceof Error ? error.message : String(error)}).`)
  }
  const { width, height } = image
  if (width !== height) throw sourceError(`${name} is ${width}x${height}; the icon source must be square (${sourceSize}x${sourceSize}).`)
  if (width < sourceSize) throw sourceError(`${name} is ${width}x${height}; the icon source must be at least ${sourceSize}x${sourceSize}.`)
  return image
}

/**
 * @param {Uint8Array} sourceBytes the source PNG
 * @param {string} [sourceName] how to call it in messages
 * @returns {Map<string, Buffer>} file contents by path relative to resources/, in a fixed order
 */
export function renderIconFiles(sourceBytes, sourceName) {
  const source = readIconSource(sourceBytes, sourceName)
  /** @type {Map<number, Buffer>} */
  const pngs = new Map()
  const pngOf = (/** @type {number} */ size) => {
    let png = pngs.get(size)
    if (!png) {
      // Every size comes straight from the source, never from another downscaled size.
      png = encodePng(downscale(source, size))
      pngs.set(size, png)
    }
    return png
  }
  /** @type {Map<string, Buffer>} */
  const files = new Map()
  files.set('icon.png', pngOf(sourceSize))
  for (const size of linuxSizes) files.set(`icons/${size}x${size}.png`, pngOf(size))
  files.set('icon.ico', buildIco(icoSizes.map((size) => ({ size, png: pngOf(size) }))))
  files.set('icon.icns', buildIcns(icnsTypes.map(([type, size]) => ({ type, png: pngOf(size) }))))
  for (const [file, size] of badgeFiles) files.set(file, encodePng(drawDueBadge(size)))
  return files
}
