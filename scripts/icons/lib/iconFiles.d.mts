export function writeIconFiles(files: Map<string, Buffer>, dir: string): void
export function staleIconFiles(files: Map<string, Buffer>, dir: string): string[]
export function sameIcon(file: string, committed: Buffer, fresh: Buffer): boolean
