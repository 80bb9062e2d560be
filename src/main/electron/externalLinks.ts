/** Schemes a link may open in the OS: web pages over TLS, and a new e-mail. Nothing else leaves the app. */
const externalSchemes = new Set(['https:', 'mailto:'])
const maxExternalUrlLength = 2048

/** Whether a link clicked in the app may be handed to the OS (browser or mail program). */
export function mayOpenExternally(url: string): boolean {
  if (url.length > maxExternalUrlLength) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (!externalSchemes.has(parsed.protocol)) return false
  // https://user:pass@host is a classic way to disguise where a link goes.
  if (parsed.username || parsed.password) return false
  return parsed.protocol === 'mailto:' || parsed.hostname.length > 0
}
