/**
 * Returns the address in the WHATWG URL parser's canonical form (lower-case scheme and host,
 * default port dropped, path percent-encoded) without its fragment, so the same feed written
 * two ways is recognised as one; or the reason it is not an http(s) address.
 */
export function normaliseFeedUrl(raw: string): { url: string } | { reason: string } {
  const trimmed = raw.trim()
  if (trimmed === '') return { reason: 'the feed address (xmlUrl) is empty' }
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return { reason: `"${trimmed}" is not a valid web address` }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { reason: `"${trimmed}" is not an http or https address (${url.protocol.slice(0, -1)})` }
  }
  url.hash = ''
  return { url: url.href }
}
