// The app icon, drawn from shapes: an indigo rounded-square tile (the app's primary colour,
// Mantine indigo 6 to 8) with two overlapping white speech bubbles, teachers talking. Laid out
// on Apple's 1024 grid: an 824 px tile with a 100 px transparent margin. Bold shapes and a clear
// gap between the bubbles keep it readable at 16 px.
import { createCanvas, fill, solid, toRgbaImage, verticalGradient } from './canvas.mjs'
import { hexToLinear } from './colour.mjs'
import { circle, grow, polygon, roundedRect, scaled, subtract, union } from './sdf.mjs'

/** @typedef {import('./canvas.mjs').RgbaImage} RgbaImage */

/** Layout units: the design is drawn on a 1024 grid and scaled to the requested size. */
const grid = 1024

const colours = {
  tileTop: hexToLinear('#4c6ef5'),
  tileBottom: hexToLinear('#3b5bdb'),
  front: hexToLinear('#ffffff'),
  back: hexToLinear('#bac8ff'),
  dots: hexToLinear('#4263eb'),
}

const tile = roundedRect(512, 512, 824, 824, 185)

// Each bubble is a rounded body with a triangular tail whose outer side continues the body's side.
const frontBubble = union(
  roundedRect(452, 565, 470, 330, 150),
  polygon([
    [217, 565],
    [420, 723],
    [217, 795],
  ]),
)
const backBubble = union(
  roundedRect(590, 395, 430, 300, 140),
  polygon([
    [805, 395],
    [610, 538],
    [805, 615],
  ]),
)
// The back bubble stops short of the front one, so the two read as separate shapes when small.
const backVisible = subtract(backBubble, grow(frontBubble, 40))
const dots = [347, 452, 557].map((x) => circle(x, 567, 34))

/**
 * @param {number} [size] output width and height in pixels
 * @returns {RgbaImage}
 */
export function drawIconSource(size = grid) {
  const scale = size / grid
  const canvas = createCanvas(size, size)
  fill(canvas, scaled(tile, scale), verticalGradient(colours.tileTop, colours.tileBottom, 100 * scale, 924 * scale))
  fill(canvas, scaled(backVisible, scale), solid(colours.back))
  fill(canvas, scaled(frontBubble, scale), solid(colours.front))
  for (const dot of dots) fill(canvas, scaled(dot, scale), solid(colours.dots))
  return toRgbaImage(canvas)
}
