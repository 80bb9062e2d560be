export function pngDimensions(bytes: Uint8Array): { width: number; height: number }
export function parseIco(bytes: Uint8Array): Array<{ width: number; height: number; bitCount: number; data: Buffer }>
export function parseIcns(bytes: Uint8Array): { declaredLength: number; entries: Array<{ type: string; data: Buffer }> }
