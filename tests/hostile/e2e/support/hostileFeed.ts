import type { HostilePayload } from './hostilePayloads'

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]&gt;')}]]>`

/** The core keeps 200 items a feed: past this many, payloads travel in the digest item only. */
export const itemsPerPayloadLimit = 150

/**
 * An RSS 2.0 feed: one item holding every payload, and one item per payload in its title, link and summary.
 * Newest first in payload order, so the first ones are on the list's first page (50 items).
 */
export function hostileFeed(payloads: HostilePayload[]): string {
  const digest = `<item>
    <title>Hostile digest</title>
    <link>https://example.org/digest</link>
    <guid>digest</guid>
    <pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate>
    <description>${cdata(payloads.map((p) => `<p>${p.text}</p>`).join(''))}</description>
  </item>`
  const items = payloads.slice(0, itemsPerPayloadLimit).map(
    (p, index) => `<item>
    <title>${xmlText(`Item ${p.id} ${p.text}`)}</title>
    <link>${xmlText(`javascript:__hostileRan('${p.id}-link')`)}</link>
    <guid>${p.id}</guid>
    <pubDate>${new Date(Date.UTC(2026, 10, 29, 9) - index * 60_000).toUTCString()}</pubDate>
    <description>${cdata(p.text)}</description>
  </item>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>${xmlText('Research <script>__hostileRan("channel")</script>')}</title>
  <link>javascript:__hostileRan('channel-link')</link>
  <description>${cdata(payloads[0]!.text)}</description>
  ${digest}
  ${items.join('\n  ')}
</channel></rss>`
}
