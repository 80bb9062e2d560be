import { createHash } from 'node:crypto'
import type { FeedItem, FeedLimits } from './feedTypes'
import { blocksToText, htmlToSafeBlocks, safeHttpUrl, type SafeBlock } from './htmlToSafeBlocks'
import { collapseWhitespace, decodeXmlEntities, rawXmlToText } from './xmlText'

/** A node as fast-xml-parser gives it: a string, or an object of children, attributes (@_) and #text. */
export type XmlNode = string | { [key: string]: unknown }

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : [value]
}

export function firstNode(value: unknown): XmlNode | undefined {
  return asArray(value)[0] as XmlNode | undefined
}

/** An attribute, entities decoded (the parser leaves them alone). */
export function attribute(node: unknown, name: string): string | null {
  if (!node || typeof node !== 'object') return null
  const value = (node as Record<string, unknown>)[`@_${name}`]
  return typeof value === 'string' ? decodeXmlEntities(value) : null
}

/** The raw content of an element: stop nodes hold their inner XML untouched, CDATA included. */
export function rawContent(node: unknown): string {
  if (typeof node === 'string') return node
  if (node && typeof node === 'object') {
    const text = (node as Record<string, unknown>)['#text']
    if (typeof text === 'string') return text
  }
  return ''
}

/** Text content of an element with CDATA taken literally and entities decoded once. */
export function textOf(value: unknown): string {
  return rawXmlToText(rawContent(firstNode(value)))
}

/** Plain text of a field that may carry HTML (RSS titles and descriptions often do). */
export function plainTextOf(value: unknown): string {
  const text = textOf(value)
  return collapseWhitespace(/[<&]/.test(text) ? blocksToText(htmlToSafeBlocks(text)) || text.replace(/<[^>]*>/g, ' ') : text)
}

export interface ItemParts {
  id: string | null
  title: string
  link: string | null
  author: string | null
  date: string | null
  /** HTML (already unescaped from the XML) of the short form and the full form, if any. */
  summaryHtml: string | null
  contentHtml: string | null
}

/** Shapes one item the same way whatever the format, so every format yields the same guarantees. */
export function buildItem(parts: ItemParts, baseUrl: string | null, limits: FeedLimits, parseDate: (text: string | null) => number | null): FeedItem {
  const url = safeHttpUrl(parts.link, baseUrl)
  const publishedAt = parseDate(parts.date)
  const contentBlocks: SafeBlock[] = htmlToSafeBlocks(parts.contentHtml ?? parts.summaryHtml ?? '', url ?? baseUrl)
  const summarySource = parts.summaryHtml ? htmlToSafeBlocks(parts.summaryHtml, baseUrl) : contentBlocks
  const title = collapseWhitespace(parts.title)
  const id = parts.id?.trim() || url || `sha1:${createHash('sha1').update(`${title}\n${parts.date ?? ''}\n${parts.summaryHtml ?? ''}`).digest('hex')}`
  return {
    id,
    title: title || (url ?? 'Untitled'),
    url,
    author: parts.author ? collapseWhitespace(parts.author) || null : null,
    publishedAt,
    summaryText: capText(blocksToText(summarySource), limits.maxSummaryChars),
    contentBlocks,
  }
}

function capText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  const cut = text.slice(0, maxChars - 1)
  const lastSpace = cut.lastIndexOf(' ')
  return `${lastSpace > maxChars * 0.6 ? cut.slice(0, lastSpace) : cut}…`
}
