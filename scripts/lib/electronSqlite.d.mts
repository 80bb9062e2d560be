export function electronSqliteDir(repoRoot: string, electronVersion: string): string
export function electronSqliteBindingPath(repoRoot: string, electronVersion: string): string
export function explainBuildFailure(log: string, electronVersion: string): string
