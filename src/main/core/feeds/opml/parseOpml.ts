import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { decodeOpmlBytes } from './decodeOpmlBytes'
import { normaliseFeedUrl } from './normaliseFeedUrl'
import { defaultOpmlLimits } from './opmlTypes'
import type { OpmlError, OpmlLimits, OpmlSkipped, OpmlSubscription, ParseOpmlResult } from './opmlTypes'
import { collapseWhitespace, decodeXmlEntities } from '../xmlText'

/** fast-xml-parser's preserveOrder shape: one key naming the element, ':@' holding its attributes. */
type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> }

const attributesKey = ':@'
const cdataKey = '#cdata'

/**
 * Reads an OPML 1.0/1.1/2.0 subscription list. Outlines with an xmlUrl are feeds; outlines
 * without one that contain others are folders. A feed listed twice is kept once (the first
 * time) and the repeat reported; non-http(s) addresses are reported and skipped. Files that
 * are not XML or not OPML, declare a DOCTYPE (entity expansion attacks), nest too deeply or
 * are too large come back as one error naming the problem.
 */
export function parseOpml(bytes: Uint8Array, options: Partial<OpmlLimits> = {}): ParseOpmlResult {
  const limits: OpmlLimits = { ...defaultOpmlLimits, ...options }
  if (bytes.length > limits.maxBytes) {
    return fail('too-large', `The file is ${megabytes(bytes.length)}; OPML files over ${megabytes(limits.maxBytes)} are not imported.`)
  }
  const decoded = decodeOpmlBytes(bytes)
  if (!decoded.ok) return decoded
  // Some exporters write blank lines before the XML declaration, which XML forbids; readers accept it.
  const text = decoded.text.replace(/^\uFEFF/, '').replace(/^\s+(?=<\?xml)/, '')
  // Refused before parsing: a DOCTYPE is the only way to declare entities, and no real OPML export uses one.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    return fail('doctype-refused', 'The file contains a DOCTYPE or entity declaration, which Staffroom refuses for safety. Real OPML exports have none.')
  }
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    return fail('not-xml', `The file is not valid XML (line ${valid.err.line}: ${valid.err.msg.replace(/\.$/, '')}).`)
  }
  let document: OrderedNode[]
  try {
    document = createParser(limits).parse(text) as OrderedNode[]
  } catch (error) {
    // The validator passed, so the failure expected here is the parser's own nesting limit.
    const message = error instanceof Error ? error.message : String(error)
    if (/nested/i.test(message)) return fail('too-deep', tooDeepMessage(limits))
    return fail('not-xml', `The file could not be read as XML (${message.replace(/\.$/, '')}).`)
  }
  const opml = document.find((node) => elementName(node)?.toLowerCase() === 'opml')
  if (opml === undefined) {
    const root = document.map(elementName).find((name) => name !== undefined && !name.startsWith('?'))
    return fail('not-opml', `The file is XML but not OPML: its root element is <${root ?? '?'}>, not <opml>.`)
  }
  const body = childElements(opml).find((node) => elementName(node)?.toLowerCase() === 'body')
  if (body === undefined) return fail('not-opml', 'The OPML file has no <body>, so it lists no subscriptions.')
  const head = childElements(opml).find((node) => elementName(node)?.toLowerCase() === 'head')
  const titleNode = head === undefined ? undefined : childElements(head).find((node) => elementName(node)?.toLowerCase() === 'title')
  const title = titleNode === undefined ? '' : collapseWhitespace(textContent(titleNode))
  return readBody(body, limits, title)
}

function createParser(limits: OpmlLimits): XMLParser {
  return new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    cdataPropName: cdataKey,
    // Leaves room for <opml><body> above the outlines; our own walk reports depth by outline.
    maxNestedTags: limits.maxDepth + 3,
  })
}

function readBody(body: OrderedNode, limits: OpmlLimits, title: string): ParseOpmlResult {
  const subscriptions: OpmlSubscription[] = []
  const skipped: OpmlSkipped[] = []
  const seen = new Map<string, number>()
  let outlineCount = 0
  let failure: OpmlError | undefined

  // Depth-first in document order with an explicit stack, so a hostile file cannot exhaust the call stack.
  const stack: Array<{ node: OrderedNode; folders: string[]; depth: number }> = []
  const pushChildren = (parent: OrderedNode, folders: string[], depth: number) => {
    const outlines = childElements(parent).filter((node) => elementName(node)?.toLowerCase() === 'outline')
    for (let i = outlines.length - 1; i >= 0; i--) stack.push({ node: outlines[i]!, folders, depth })
  }
  pushChildren(body, [], 1)
  while (stack.length > 0 && failure === undefined) {
    const { node, folders, depth } = stack.pop()!
    outlineCount++
    if (outlineCount > limits.maxOutlines) {
      failure = { code: 'too-many-outlines', message: `The file has more than ${limits.maxOutlines.toLocaleString('en')} outlines; split it into smaller files.` }
      break
    }
    if (depth > limits.maxDepth) {
      failure = { code: 'too-deep', message: tooDeepMessage(limits) }
      break
    }
    const attributes = readAttributes(node)
    const name = collapseWhitespace(attributes.text ?? '') || collapseWhitespace(attributes.title ?? '')
    const hasChildren = childElements(node).some((child) => elementName(child)?.toLowerCase() === 'outline')
    const xmlUrl = attributes.xmlurl
    if (xmlUrl === undefined) {
      if (hasChildren) pushChildren(node, name === '' ? folders : [...folders, name], depth + 1)
      else skipped.push({ index: outlineCount, reason: `"${name || '(untitled)'}" has no feed address (xmlUrl) and contains nothing` })
      continue
    }
    if (hasChildren) pushChildren(node, folders, depth + 1)
    const normalised = normaliseFeedUrl(xmlUrl)
    if ('reason' in normalised) {
      skipped.push({ index: outlineCount, reason: `"${name || xmlUrl}": ${normalised.reason}` })
      continue
    }
    const firstIndex = seen.get(normalised.url)
    if (firstIndex !== undefined) {
      skipped.push({ index: outlineCount, reason: `${normalised.url} is listed again (first at outline ${firstIndex}); kept once` })
      continue
    }
    seen.set(normalised.url, outlineCount)
    const site = attributes.htmlurl === undefined ? undefined : normaliseFeedUrl(attributes.htmlurl)
    subscriptions.push({
      feedUrl: normalised.url,
      title: name || normalised.url,
      siteUrl: site !== undefined && 'url' in site ? site.url : null,
      folder: folders.length === 0 ? null : folders.join(' / '),
    })
  }
  if (failure !== undefined) return { ok: false, error: failure }
  return { ok: true, title, subscriptions, skipped }
}

/** Attributes with lower-cased names (exports disagree on xmlUrl vs xmlurl) and entities decoded. */
function readAttributes(node: OrderedNode): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const [key, value] of Object.entries(node[attributesKey] ?? {})) {
    const lower = key.toLowerCase()
    if (!(lower in attributes)) attributes[lower] = decodeXmlEntities(String(value))
  }
  return attributes
}

function elementName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== attributesKey && key !== '#text' && key !== cdataKey)
}

function childElements(node: OrderedNode): OrderedNode[] {
  const name = elementName(node)
  const children = name === undefined ? undefined : node[name]
  return Array.isArray(children) ? (children as OrderedNode[]) : []
}

function textContent(node: OrderedNode): string {
  return childElements(node)
    .map((child) => {
      if (typeof child['#text'] === 'string') return decodeXmlEntities(child['#text'])
      if (Array.isArray(child[cdataKey])) return (child[cdataKey] as OrderedNode[]).map((c) => String(c['#text'] ?? '')).join('')
      return textContent(child)
    })
    .join('')
}

function fail(code: OpmlError['code'], message: string): ParseOpmlResult {
  return { ok: false, error: { code, message } }
}

function tooDeepMessage(limits: OpmlLimits): string {
  return `Outlines are nested more than ${limits.maxDepth} levels deep; that is not a subscription list Staffroom imports.`
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
