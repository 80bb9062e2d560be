import type { RgbaImage } from './canvas.mjs'
export function isPng(bytes: Uint8Array): boolean
export function encodePng(image: RgbaImage): Buffer
export function decodePng(bytes: Uint8Array): RgbaImage
