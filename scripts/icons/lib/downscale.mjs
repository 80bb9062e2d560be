// Area-averaging downscale: each output pixel is the exact area-weighted mean of the source pixels
// it covers (fractional at the borders, for sizes like 24 and 48 that do not divide 1024). Colours
// are averaged premultiplied by alpha, so transparent pixels add no colour (no dark fringe at the
// tile's edge), and in linear light, so thin white strokes do not turn grey.
import { toRgbaImage } from './canvas.mjs'
import { srgb8ToLinear } from './colour.mjs'

/** @typedef {import('./canvas.mjs').RgbaImage} RgbaImage */

/** @type {WeakMap<RgbaImage, Float64Array>} one conversion per source, however many sizes are made from it */
const premultipliedCache = new WeakMap()

/**
 * For each output index, the source indices it covers and their weights (which sum to 1).
 * @param {number} from source length
 * @param {number} to output length
 * @returns {Array<Array<[number, number]>>}
 */
export function areaWeights(from, to) {
  const step = from / to
  return Array.from({ length: to }, (_, o) => {
    const start = o * step
    const end = start + step
    /** @type {Array<[number, number]>} */
    const taps = []
    for (let i = Math.floor(start); i < Math.min(from, Math.ceil(end)); i++) {
      const overlap = Math.min(end, i + 1) - Math.max(start, i)
      if (overlap > 1e-12) taps.push([i, overlap / step])
    }
    return taps
  })
}

/**
 * @param {RgbaImage} image
 * @returns {Float64Array} premultiplied linear-light RGBA
 */
function premultiplied(image) {
  let result = premultipliedCache.get(image)
  if (result) return result
  const { data } = image
  result = new Float64Array(data.length)
  for (let i = 0; i < data.length; i += 4) {
    const alpha = /** @type {number} */ (data[i + 3]) / 255
    for (let c = 0; c < 3; c++) result[i + c] = /** @type {number} */ (srgb8ToLinear[/** @type {number} */ (data[i + c])]) * alpha
    result[i + 3] = alpha
  }
  premultipliedCache.set(image, result)
  return result
}

/**
 * Averages along one axis: `lines` lines of `from` pixels (`stride` apart within a line) into
 * lines of `to` pixels, written contiguously per line in the same layout.
 * @param {Float64Array} input
 * @param {number} from
 * @param {number} to
 * @param {number} lines
 * @param {(line: number, index: number) => number} inputAt offset of a pixel in input
 * @param {(line: number, index: number) => number} outputAt offset of a pixel in output
 * @param {Float64Array} output
 */
function averageAxis(input, from, to, lines, inputAt, outputAt, output) {
  const weights = areaWeights(from, to)
  for (let line = 0; line < lines; line++) {
    for (let o = 0; o < to; o++) {
      const at = outputAt(line, o)
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (const [index, weight] of /** @type {Array<[number, number]>} */ (weights[o])) {
        const s = inputAt(line, index)
        r += /** @type {number} */ (input[s]) * weight
        g += /** @type {number} */ (input[s + 1]) * weight
        b += /** @type {number} */ (input[s + 2]) * weight
        a += /** @type {number} */ (input[s + 3]) * weight
      }
      output[at] = r
      output[at + 1] = g
      output[at + 2] = b
      output[at + 3] = a
    }
  }
}

/**
 * @param {RgbaImage} image
 * @param {number} width
 * @param {number} [height]
 * @returns {RgbaImage}
 */
export function downscale(image, width, height = width) {
  if (width > image.width || height > image.height) throw new Error(`cannot downscale ${image.width}x${image.height} to ${width}x${height}`)
  const { width: sw, height: sh } = image
  // Separable: each row to the new width, then each column to the new height.
  const wide = new Float64Array(width * sh * 4)
  averageAxis(premultiplied(image), sw, width, sh, (y, x) => (y * sw + x) * 4, (y, x) => (y * width + x) * 4, wide)
  const out = new Float64Array(width * height * 4)
  averageAxis(wide, sh, height, width, (x, y) => (y * width + x) * 4, (x, y) => (y * width + x) * 4, out)
  return toRgbaImage({ width, height, data: out })
}
