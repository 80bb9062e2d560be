// sRGB <-> linear light. Drawing and downscaling mix colours in linear light, so a white glyph on
// the indigo tile keeps its weight when it is averaged down to 16 px instead of turning grey.

/** Linear value (0..1) of each 8-bit sRGB channel value. */
export const srgb8ToLinear = Float64Array.from({ length: 256 }, (_, value) => {
  const c = value / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
})

/**
 * Linear value where each 8-bit sRGB step rounds up to the next: thresholds[v] is the linear value
 * of sRGB (v + 0.5) / 255. Looking a value up here is rounding the sRGB encoding, without a power.
 */
const thresholds = Float64Array.from({ length: 255 }, (_, value) => {
  const c = (value + 0.5) / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
})

/**
 * @param {number} linear 0..1 (clamped)
 * @returns {number} the nearest 8-bit sRGB value
 */
export function linearToSrgb8(linear) {
  let low = 0
  let high = 255
  // The number of thresholds at or below the value (binary search).
  while (low < high) {
    const middle = (low + high) >> 1
    if (/** @type {number} */ (thresholds[middle]) <= linear) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * @param {string} hex '#rrggbb'
 * @returns {[number, number, number]} linear-light red, green, blue
 */
export function hexToLinear(hex) {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`)
  const channel = (/** @type {number} */ i) => srgb8ToLinear[parseInt(match[i] ?? '0', 16)] ?? 0
  return [channel(1), channel(2), channel(3)]
}
