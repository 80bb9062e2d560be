export function runTogether(scripts: string[], options?: { cwd?: string; write?: (text: string) => void }): Promise<number>
