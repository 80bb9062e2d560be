import type { RgbaImage } from './canvas.mjs'
export function drawDueBadge(size: number): RgbaImage
