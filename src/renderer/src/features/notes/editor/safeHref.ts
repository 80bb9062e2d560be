const allowedProtocols = new Set(['http:', 'https:', 'mailto:'])

/** Only absolute http(s) and mailto links are kept; anything else (javascript:, data:, relative) is refused. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null
  const trimmed = href.trim()
  if (!trimmed || trimmed.length > 2048) return null
  try {
    const url = new URL(trimmed)
    return allowedProtocols.has(url.protocol) ? url.href : null
  } catch {
    return null
  }
}

/** Lets a user type "example.org" and get https://example.org. */
export function normaliseLinkInput(input: string): string | null {
  const trimmed = input.trim()
  if (!trimmed) return null
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return safeHref(trimmed)
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return safeHref(`mailto:${trimmed}`)
  return safeHref(`https://${trimmed}`)
}
