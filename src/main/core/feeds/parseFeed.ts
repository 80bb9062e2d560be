import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { decodeFeedBytes } from './decodeFeedBytes'
import { DEFAULT_FEED_LIMITS, type FeedError, type FeedLimits, type ParseFeedResult } from './feedTypes'
import { preflightXml } from './preflightXml'
import { readFeedDocument } from './readFeedDocument'

export interface ParseFeedOptions extends Partial<FeedLimits> {
  /** charset from the HTTP Content-Type, used only when the bytes declare nothing themselves. */
  httpCharset?: string
}

/** Elements whose inner XML is kept raw, so CDATA, escaped HTML and xhtml content arrive intact. */
const RAW_ELEMENTS = ['title', 'subtitle', 'description', 'encoded', 'content', 'summary', 'creator', 'name', 'guid', 'id']

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Entities stay off: no DOCTYPE entity can expand; we decode the five XML ones ourselves.
  processEntities: false,
  htmlEntities: false,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
  stopNodes: RAW_ELEMENTS.map((name) => `*.${name}`),
})

/**
 * Parses RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 from the bytes a server sent. Pure: no network,
 * no clock. Every refusal names the problem in words a teacher can act on, and the checks run
 * cheapest first (size, then a linear scan for entities and depth) so hostile input costs little.
 */
export function parseFeed(bytes: Uint8Array, options: ParseFeedOptions = {}): ParseFeedResult {
  const limits: FeedLimits = {
    maxBytes: options.maxBytes ?? DEFAULT_FEED_LIMITS.maxBytes,
    maxItems: options.maxItems ?? DEFAULT_FEED_LIMITS.maxItems,
    maxDepth: options.maxDepth ?? DEFAULT_FEED_LIMITS.maxDepth,
    maxSummaryChars: options.maxSummaryChars ?? DEFAULT_FEED_LIMITS.maxSummaryChars,
  }
  if (bytes.length > limits.maxBytes) {
    return fail('too-large', `This feed is ${megabytes(bytes.length)}, more than the ${megabytes(limits.maxBytes)} Staffroom reads from one feed.`)
  }
  const decoded = decodeFeedBytes(bytes, options.httpCharset)
  if (!decoded.ok) return fail('unsupported-encoding', `This feed is written in the "${decoded.encoding}" character encoding, which Staffroom cannot read.`)
  const text = decoded.text.replace(/^\uFEFF/, '')
  if (!text.trim()) return fail('empty', 'This feed is empty: the server sent no content.')
  const refused = preflightXml(text, limits.maxDepth)
  if (refused) return { ok: false, error: refused }
  if (looksLikeHtmlPage(text)) {
    return fail('not-a-feed', 'This address serves a web page, not a feed. Look on the site for an RSS or Atom link (often an orange icon or "Subscribe").')
  }
  const validation = XMLValidator.validate(text)
  if (validation !== true) {
    const { msg, line } = validation.err
    return fail('not-xml', `This feed is not valid XML (line ${line}: ${msg}), so it cannot be read.`)
  }
  let document: Record<string, unknown>
  try {
    document = parser.parse(text) as Record<string, unknown>
  } catch (error) {
    return fail('not-xml', `This feed could not be read as XML (${error instanceof Error ? error.message : String(error)}).`)
  }
  const feed = readFeedDocument(document, limits)
  if (!feed) {
    const root = Object.keys(document).find((key) => !key.startsWith('?') && !key.startsWith('#')) ?? 'nothing'
    return fail('not-a-feed', `This is XML but not a feed: its root element is <${root}>, where RSS or Atom starts with <rss>, <rdf:RDF> or <feed>.`)
  }
  return { ok: true, feed }
}

/** An HTML page starts, after any declaration and comments, with <!DOCTYPE html> or <html>. */
function looksLikeHtmlPage(text: string): boolean {
  const start = text.slice(0, 4096).replace(/^(?:\s+|<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->)*/, '')
  return /^<!doctype\s+html[\s>]/i.test(start) || /^<html[\s>]/i.test(start)
}

function fail(code: FeedError['code'], message: string): ParseFeedResult {
  return { ok: false, error: { code, message } }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`
}
