import type { RgbaImage } from './canvas.mjs'
export function drawIconSource(size?: number): RgbaImage
