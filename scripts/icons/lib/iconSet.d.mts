import type { RgbaImage } from './canvas.mjs'
export const sourceSize: number
export const linuxSizes: number[]
export const icoSizes: number[]
export const icnsTypes: Array<[string, number]>
export const badgeFiles: Array<[string, number]>
export function readIconSource(bytes: Uint8Array, name?: string): RgbaImage
export function renderIconFiles(sourceBytes: Uint8Array, sourceName?: string): Map<string, Buffer>
