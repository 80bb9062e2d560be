export type NotarizeMethod = 'apple-id' | 'api-key' | 'keychain-profile'
export function macNotarizeFromEnv(env: Record<string, string | undefined>): { notarize: boolean; method: NotarizeMethod | null; missing: string[] }
export function macSigningSummary(env: Record<string, string | undefined>): string
