import type { Feed, FeedLimits } from './feedTypes'
import { asArray, attribute, buildItem, firstNode, plainTextOf, rawContent, textOf, type ItemParts } from './feedNodes'
import { safeHttpUrl } from './htmlToSafeBlocks'
import { parseFeedDate } from './parseFeedDate'
import { collapseWhitespace, rawXmlToText } from './xmlText'

type Node = Record<string, unknown>

/** Maps a parsed document (namespace prefixes removed) to a Feed, or null when the root is no feed. */
export function readFeedDocument(document: Node, limits: FeedLimits): Feed | null {
  if (isObject(document.rss)) return readRss2(document.rss.channel)
  if (isObject(document.RDF)) return readRss1(document.RDF)
  if (isObject(document.feed)) return readAtom(document.feed)
  return null

  function readRss2(channelValue: unknown): Feed {
    const channel = (firstNode(channelValue) ?? {}) as Node
    const siteUrl = rssLink(channel.link)
    const items = asArray(channel.item).map((entry) => readRssItem(entry as Node, siteUrl, attribute(entry, 'about')))
    return assemble(channel, siteUrl, 'rss2', items)
  }

  function readRss1(rdf: Node): Feed {
    const channel = (firstNode(rdf.channel) ?? {}) as Node
    const siteUrl = rssLink(channel.link)
    // RSS 1.0 items are siblings of the channel, not children.
    const items = asArray(rdf.item).map((entry) => readRssItem(entry as Node, siteUrl, attribute(entry, 'about')))
    return assemble(channel, siteUrl, 'rss1', items)
  }

  function readRssItem(item: Node, siteUrl: string | null, about: string | null): ItemParts {
    const guid = textOf(item.guid)
    const isPermaLink = attribute(firstNode(item.guid), 'isPermaLink') !== 'false'
    const link = rssLink(item.link) ?? (guid && isPermaLink ? safeHttpUrl(guid, siteUrl) : null)
    const description = textOf(item.description)
    const encoded = textOf(item.encoded)
    return {
      id: guid || about,
      title: plainTextOf(item.title),
      link,
      author: textOf(item.creator) || textOf(item.author) || null,
      date: textOf(item.pubDate) || textOf(item.date) || textOf(item.published) || textOf(item.updated) || null,
      summaryHtml: description || null,
      contentHtml: encoded || null,
    }
  }

  function readAtom(feed: Node): Feed {
    const siteUrl = atomLink(feed.link, null)
    const items = asArray(feed.entry).map((entry): ItemParts => {
      const node = entry as Node
      const author = firstNode(node.author) as Node | undefined
      return {
        id: textOf(node.id) || null,
        title: atomText(node.title, 'text'),
        link: atomLink(node.link, siteUrl),
        author: textOf(author?.name) || textOf((firstNode(feed.author) as Node | undefined)?.name) || null,
        date: textOf(node.published) || textOf(node.updated) || null,
        summaryHtml: atomText(node.summary, 'html') || null,
        contentHtml: atomText(node.content, 'html') || null,
      }
    })
    return assemble(feed, siteUrl, 'atom1', items, atomText(feed.title, 'text'), atomText(feed.subtitle, 'text'))
  }

  function assemble(header: Node, siteUrl: string | null, format: Feed['format'], parts: ItemParts[], title?: string, description?: string): Feed {
    const kept = parts.slice(0, limits.maxItems)
    return {
      title: title ?? plainTextOf(header.title),
      siteUrl,
      description: description ?? plainTextOf(header.description),
      format,
      items: kept.map((item) => buildItem(item, siteUrl, limits, parseFeedDate)),
      itemsOmitted: parts.length - kept.length,
    }
  }
}

/** RSS <link> text; atom:link elements that share the name after prefix removal are skipped. */
function rssLink(value: unknown): string | null {
  for (const link of asArray(value)) {
    const text = typeof link === 'string' ? rawXmlToText(link).trim() : ''
    if (text) return safeHttpUrl(text)
  }
  return null
}

/** The alternate (or rel-less) link of an Atom element, resolved and restricted to http(s). */
function atomLink(value: unknown, base: string | null): string | null {
  const links = asArray(value)
  const alternate = links.find((link) => (attribute(link, 'rel') ?? 'alternate') === 'alternate' && /html|^$/.test(attribute(link, 'type') ?? ''))
  const chosen = alternate ?? links.find((link) => (attribute(link, 'rel') ?? 'alternate') === 'alternate')
  return safeHttpUrl(attribute(chosen, 'href'), base)
}

/**
 * An Atom text construct as HTML ('html' wanted) or plain text ('text' wanted):
 * type="xhtml" content is already markup, type="html" is escaped markup, type="text" is text.
 */
function atomText(value: unknown, want: 'html' | 'text'): string {
  const node = firstNode(value)
  if (node === undefined) return ''
  const type = (attribute(node, 'type') ?? 'text').toLowerCase()
  const raw = rawContent(node)
  if (want === 'text') return type === 'text' ? collapseWhitespace(rawXmlToText(raw)) : plainTextOf(type === 'xhtml' ? `<![CDATA[${raw}]]>` : raw)
  if (type === 'xhtml') return raw
  if (type === 'html' || type.endsWith('html')) return rawXmlToText(raw)
  return escapeHtml(rawXmlToText(raw))
}

/** Plain text put through the HTML path must not turn into markup. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function isObject(value: unknown): value is Node {
  return typeof value === 'object' && value !== null
}
