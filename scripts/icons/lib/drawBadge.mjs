// The Windows taskbar overlay for "follow-ups due": a red dot with a white outline, so it stays
// visible on both the indigo icon and a dark or light taskbar. Drawn on its own 16-unit grid.
import { createCanvas, fill, solid, toRgbaImage } from './canvas.mjs'
import { hexToLinear } from './colour.mjs'
import { circle, scaled } from './sdf.mjs'

/** @typedef {import('./canvas.mjs').RgbaImage} RgbaImage */

const outline = circle(8, 8, 7.5)
// Mantine red 8: white on it is above 4.5:1, and it reads as "attention" against indigo.
const dot = circle(8, 8, 5.75)

/**
 * @param {number} size 16 for the badge, 32 for its double-resolution version
 * @returns {RgbaImage}
 */
export function drawDueBadge(size) {
  const scale = size / 16
  const canvas = createCanvas(size, size)
  fill(canvas, scaled(outline, scale), solid(hexToLinear('#ffffff')))
  fill(canvas, scaled(dot, scale), solid(hexToLinear('#e03131')))
  return toRgbaImage(canvas)
}
