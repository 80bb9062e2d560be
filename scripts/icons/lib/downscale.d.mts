import type { RgbaImage } from './canvas.mjs'
export function areaWeights(from: number, to: number): Array<Array<[number, number]>>
export function downscale(image: RgbaImage, width: number, height?: number): RgbaImage
