/** Straight-alpha 8-bit sRGB RGBA, rows top to bottom. */
export interface RgbaImage {
  width: number
  height: number
  data: Uint8Array
}
/** Premultiplied linear-light RGBA, 0..1. */
export interface Canvas {
  width: number
  height: number
  data: Float64Array
}
export type Sdf = (x: number, y: number) => number
export type Paint = (x: number, y: number) => [number, number, number]
export function createCanvas(width: number, height: number): Canvas
export function fill(canvas: Canvas, shape: Sdf, paint: Paint, opacity?: number): void
export function solid(colour: [number, number, number]): Paint
export function verticalGradient(top: [number, number, number], bottom: [number, number, number], y0: number, y1: number): Paint
export function toRgbaImage(canvas: Canvas): RgbaImage
