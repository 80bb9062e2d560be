/**
 * Only http(s) survives; javascript:, data:, vbscript:, file: and the rest become null. The
 * WHATWG URL parser drops tabs and newlines anywhere and C0 controls at the ends, exactly as a
 * browser would, so "java\tscript:" is seen for what it is.
 */
export function safeHttpUrl(value: string | null | undefined, baseUrl?: string | null): string | null {
  const trimmed = (value ?? '').trim()
  if (!trimmed) return null
  try {
    const url = baseUrl ? new URL(trimmed, baseUrl) : new URL(trimmed)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
