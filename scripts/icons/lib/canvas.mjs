// A float canvas in premultiplied linear light, painted with signed-distance shapes. Coverage is
// taken from the distance at each pixel centre (the edge gets a one-pixel ramp), which gives
// anti-aliased edges without supersampling.
import { linearToSrgb8 } from './colour.mjs'

/** @typedef {{ width: number, height: number, data: Uint8Array }} RgbaImage straight-alpha 8-bit sRGB RGBA, rows top to bottom */
/** @typedef {{ width: number, height: number, data: Float64Array }} Canvas premultiplied linear-light RGBA, 0..1 */
/** @typedef {(x: number, y: number) => number} Sdf signed distance in pixels from a point to a shape's edge, negative inside */
/** @typedef {(x: number, y: number) => [number, number, number]} Paint linear-light colour at a point */

/**
 * @param {number} width
 * @param {number} height
 * @returns {Canvas} fully transparent
 */
export function createCanvas(width, height) {
  return { width, height, data: new Float64Array(width * height * 4) }
}

/**
 * Paints a shape over what is there ("over" compositing).
 * @param {Canvas} canvas
 * @param {Sdf} shape
 * @param {Paint} paint
 * @param {number} [opacity] 0..1
 */
export function fill(canvas, shape, paint, opacity = 1) {
  const { width, height, data } = canvas
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const cx = x + 0.5
      const cy = y + 0.5
      const coverage = Math.min(1, Math.max(0, 0.5 - shape(cx, cy))) * opacity
      if (coverage === 0) continue
      const [r, g, b] = paint(cx, cy)
      const i = (y * width + x) * 4
      const keep = 1 - coverage
      data[i] = r * coverage + (data[i] ?? 0) * keep
      data[i + 1] = g * coverage + (data[i + 1] ?? 0) * keep
      data[i + 2] = b * coverage + (data[i + 2] ?? 0) * keep
      data[i + 3] = coverage + (data[i + 3] ?? 0) * keep
    }
  }
}

/**
 * @param {[number, number, number]} colour linear light
 * @returns {Paint}
 */
export function solid(colour) {
  return () => colour
}

/**
 * A top-to-bottom gradient, mixed in linear light.
 * @param {[number, number, number]} top
 * @param {[number, number, number]} bottom
 * @param {number} y0 where the top colour is pure
 * @param {number} y1 where the bottom colour is pure
 * @returns {Paint}
 */
export function verticalGradient(top, bottom, y0, y1) {
  return (_x, y) => {
    const t = Math.min(1, Math.max(0, (y - y0) / (y1 - y0)))
    return [top[0] * (1 - t) + bottom[0] * t, top[1] * (1 - t) + bottom[1] * t, top[2] * (1 - t) + bottom[2] * t]
  }
}

/**
 * Premultiplied linear floats to straight 8-bit sRGB; fully transparent pixels become 0,0,0,0.
 * @param {Canvas | { width: number, height: number, data: Float64Array }} canvas
 * @returns {RgbaImage}
 */
export function toRgbaImage(canvas) {
  const { width, height, data } = canvas
  const out = new Uint8Array(width * height * 4)
  for (let i = 0; i < out.length; i += 4) {
    const alpha = Math.min(1, Math.max(0, data[i + 3] ?? 0))
    const alpha8 = Math.round(alpha * 255)
    if (alpha8 === 0) continue
    out[i] = linearToSrgb8((data[i] ?? 0) / alpha)
    out[i + 1] = linearToSrgb8((data[i + 1] ?? 0) / alpha)
    out[i + 2] = linearToSrgb8((data[i + 2] ?? 0) / alpha)
    out[i + 3] = alpha8
  }
  return { width, height, data: out }
}
