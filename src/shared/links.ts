/**
 * Which links the Electron shell hands to the OS (browser or mail program). Main process enforces
 * it; the renderer uses the same rule to tell the user why a link did not open, instead of the
 * click silently doing nothing.
 */

/** Web pages over TLS, and a new e-mail. Nothing else leaves the app. */
export const externalLinkSchemes: readonly string[] = ['https:', 'mailto:']
export const maxExternalUrlLength = 2048

/** Why a link may not be opened outside the app, in words for the user; null when it may. */
export function externalLinkRefusal(url: string): string | null {
  if (url.length > maxExternalUrlLength) return `Links longer than ${maxExternalUrlLength} characters are not opened.`
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'This is not a complete web or e-mail address.'
  }
  if (parsed.protocol === 'http:')
    return 'Staffroom opens web links only over a secure connection. Change the link to start with https://, or copy it into your browser.'
  if (!externalLinkSchemes.includes(parsed.protocol)) return 'Staffroom opens only https:// web links and mailto: e-mail links.'
  // https://user:pass@host is a classic way to disguise where a link goes.
  if (parsed.username || parsed.password) return 'Links with a user name or password in them are not opened.'
  if (parsed.protocol === 'https:' && !parsed.hostname) return 'This web link has no site name.'
  return null
}

/** Whether a link clicked in the app may be handed to the OS. */
export function mayOpenExternally(url: string): boolean {
  return externalLinkRefusal(url) === null
}
