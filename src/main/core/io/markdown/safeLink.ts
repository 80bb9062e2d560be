import { maxExternalUrlLength } from '@shared/links'

const linkProtocols: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:'])

/**
 * A link written into an export or read from an import: absolute web and mail links only, as the
 * editor keeps them, and (as the shared link rule says) never with a user name or password in it,
 * a classic disguise. Anything else (javascript:, data:, file:, relative) is null: its text stays,
 * the link goes.
 */
export function safeLink(href: unknown): string | null {
  if (typeof href !== 'string') return null
  const trimmed = href.trim()
  if (!trimmed || trimmed.length > maxExternalUrlLength) return null
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return null
  }
  if (!linkProtocols.has(url.protocol) || url.username || url.password) return null
  if (url.protocol !== 'mailto:' && !url.hostname) return null
  return url.href
}
