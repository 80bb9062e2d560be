import * as A from '@automerge/automerge'
import { projectBlockNames as names } from '@shared/spaces/blocks'
import MarkdownIt from 'markdown-it'
import type Token from 'markdown-it/lib/token.mjs'
import { safeLink } from '../../io/markdown/safeLink'

/**
 * Markdown to a project body in the editor's block shapes (Automerge rich-text spans): headings
 * (levels 1-3), paragraphs, bullet, numbered and task lists nested through `parents`, bold, italic,
 * web and mail links, and GFM tables. Raw HTML is not parsed (`html: false`), so "<script>" stays
 * text; an image becomes its alt text, so nothing remote is ever loaded; an unsafe link keeps its
 * text and loses the link. Lists nested deeper than `maxListDepth` continue at that depth.
 */

export const maxListDepth = 8

export interface MarkdownInline {
  text: string
  strong: boolean
  em: boolean
  /** A safe href, or null. */
  link: { href: string; title: string | null } | null
}

/** One block of the body before it becomes spans; 'rule' (a thematic break) exists only here. */
export interface MarkdownBlock {
  type: string
  parents: string[]
  attrs: Record<string, A.ScalarValue>
  inlines: MarkdownInline[]
}

const parser = new MarkdownIt('default', { html: false, linkify: false, typographer: false })

const taskPrefix = /^\[([ xX])\][ \t]+/

export function markdownBlocks(markdown: string): MarkdownBlock[] {
  // A byte-order mark (Windows editors write one) would keep a first "# Title" from being a heading.
  return new BlockWalker(parser.parse(markdown.replace(/^\uFEFF/, ''), {})).walk()
}

/** The body as spans, and the text of its first level-1 heading (taken out of the body) as title. */
export function markdownToSpans(markdown: string): { title: string | null; spans: A.Span[] } {
  const blocks = markdownBlocks(markdown)
  const { title } = takeTitle(blocks)
  return { title, spans: blocksToSpans(blocks) }
}

/** Removes the first top-level level-1 heading; its text, and where it was (-1 when there was none). */
export function takeTitle(blocks: MarkdownBlock[]): { title: string | null; at: number } {
  const at = blocks.findIndex((b) => b.type === 'heading' && b.attrs.level === 1 && b.parents.length === 0)
  if (at < 0) return { title: null, at }
  const [heading] = blocks.splice(at, 1)
  return { title: plainText(heading!.inlines).trim() || null, at }
}

export function plainText(inlines: readonly MarkdownInline[]): string {
  return inlines.map((inline) => inline.text).join('')
}

export function blocksToSpans(blocks: readonly MarkdownBlock[]): A.Span[] {
  const spans: A.Span[] = []
  for (const block of blocks) {
    if (block.type === 'rule') continue
    // @automerge/prosemirror reads a marker's type and parents only as ImmutableString; a plain
    // string would be stored as text and every block would open as a paragraph.
    const value = { type: new A.ImmutableString(block.type), parents: block.parents.map((p) => new A.ImmutableString(p)), attrs: block.attrs, isEmbed: false }
    spans.push({ type: 'block', value })
    for (const inline of block.inlines) {
      if (!inline.text) continue
      const marks: A.MarkSet = {}
      if (inline.strong) marks.strong = true
      if (inline.em) marks.em = true
      if (inline.link) marks.link = JSON.stringify(inline.link)
      spans.push(Object.keys(marks).length > 0 ? { type: 'text', value: inline.text, marks } : { type: 'text', value: inline.text })
    }
  }
  if (spans.length === 0) spans.push({ type: 'block', value: { type: new A.ImmutableString('paragraph'), parents: [], attrs: {}, isEmbed: false } })
  return spans
}

/** Text as the document may hold it: no NUL or other control characters, no block-marker character. */
function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F\uFFFC]/g, '')
}

interface OpenItem {
  type: string
  attrs: Record<string, A.ScalarValue>
  /** Not yet written: the item's block is written with its first paragraph, or empty. */
  pending: boolean
}

/** Walks markdown-it's flat token stream once, keeping the open lists and list items. */
class BlockWalker {
  private readonly blocks: MarkdownBlock[] = []
  private readonly lists: Array<{ ordered: boolean }> = []
  private readonly items: OpenItem[] = []

  constructor(private readonly tokens: readonly Token[]) {}

  walk(): MarkdownBlock[] {
    const tokens = this.tokens
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!
      switch (token.type) {
        case 'bullet_list_open':
        case 'ordered_list_open':
          this.flushItem()
          this.lists.push({ ordered: token.type === 'ordered_list_open' })
          break
        case 'bullet_list_close':
        case 'ordered_list_close':
          this.lists.pop()
          break
        case 'list_item_open':
          this.flushItem()
          this.items.push(this.openItem(tokens[i + 2]))
          break
        case 'list_item_close':
          this.flushItem()
          this.items.pop()
          break
        case 'heading_open': {
          const level = Math.min(3, Number(token.tag.slice(1)) || 1)
          this.add('heading', { level }, tokens[i + 1])
          i += 2
          break
        }
        case 'paragraph_open':
          this.add('paragraph', {}, tokens[i + 1])
          i += 2
          break
        case 'code_block':
        case 'fence':
          for (const line of token.content.replace(/\n$/, '').split('\n')) this.addText('paragraph', line)
          break
        case 'hr':
          this.flushItem()
          this.blocks.push({ type: 'rule', parents: [], attrs: {}, inlines: [] })
          break
        // Tables as the editor nests them: a table marker, a marker per row, then its cells.
        case 'table_open':
          this.flushItem()
          this.blocks.push({ type: names.table, parents: [], attrs: {}, inlines: [] })
          break
        case 'tr_open':
          this.blocks.push({ type: names.tableRow, parents: [names.table], attrs: {}, inlines: [] })
          break
        case 'th_open':
        case 'td_open':
          this.blocks.push({ type: token.type === 'th_open' ? names.tableHeader : names.tableCell, parents: [names.table, names.tableRow], attrs: {}, inlines: inlinesOf(tokens[i + 1]) })
          break
        default:
        // Block quotes, the ends of tables and rows: their content is read as it comes.
      }
    }
    this.flushItem()
    return this.blocks
  }

  /** The list items a block sits in, at most maxListDepth. */
  private parents(): string[] {
    return this.items.slice(0, maxListDepth).map((item) => item.type)
  }

  /** The list items the innermost item sits in: deeper items stay at maxListDepth. */
  private itemParents(): string[] {
    return this.items.slice(0, -1).slice(0, maxListDepth).map((item) => item.type)
  }

  /** A list item; a bullet item starting with "[ ]" or "[x]" is a checklist item without that prefix. */
  private openItem(firstInline: Token | undefined): OpenItem {
    const list = this.lists.at(-1)
    if (list?.ordered) return { type: 'ordered-list-item', attrs: {}, pending: true }
    const task = firstInline?.type === 'inline' ? taskPrefix.exec(firstInline.content) : null
    if (!task) return { type: 'unordered-list-item', attrs: {}, pending: true }
    stripPrefix(firstInline!, task[0].length)
    return { type: 'task-list-item', attrs: { checked: task[1] !== ' ' }, pending: true }
  }

  /** Writes a list item that has no paragraph of its own yet (empty, or a list inside a list). */
  private flushItem(): void {
    const item = this.items.at(-1)
    if (!item?.pending) return
    item.pending = false
    this.blocks.push({ type: item.type, parents: this.itemParents(), attrs: item.attrs, inlines: [] })
  }

  private add(type: string, attrs: Record<string, A.ScalarValue>, inline: Token | undefined): void {
    const inlines = inlinesOf(inline)
    const item = this.items.at(-1)
    // A list item's first paragraph is the item's own block.
    if (type === 'paragraph' && item?.pending) {
      item.pending = false
      this.blocks.push({ type: item.type, parents: this.itemParents(), attrs: item.attrs, inlines })
      return
    }
    this.flushItem()
    this.blocks.push({ type, parents: this.parents(), attrs, inlines })
  }

  private addText(type: string, text: string): void {
    this.flushItem()
    this.blocks.push({ type, parents: this.parents(), attrs: {}, inlines: [{ text: cleanText(text), strong: false, em: false, link: null }] })
  }
}

function stripPrefix(inline: Token, length: number): void {
  let left = length
  for (const child of inline.children ?? []) {
    if (left <= 0) break
    if (child.type !== 'text' && child.type !== 'text_special') break
    const cut = Math.min(left, child.content.length)
    child.content = child.content.slice(cut)
    left -= cut
  }
}

/** An inline token's children as runs of text with their marks. */
function inlinesOf(inline: Token | undefined): MarkdownInline[] {
  if (inline?.type !== 'inline') return []
  const out: MarkdownInline[] = []
  let strong = 0
  let em = 0
  const links: Array<MarkdownInline['link']> = []
  const push = (text: string) => {
    const clean = cleanText(text)
    if (!clean) return
    const link = links.at(-1) ?? null
    const last = out.at(-1)
    if (last && last.strong === strong > 0 && last.em === em > 0 && last.link === link) last.text += clean
    else out.push({ text: clean, strong: strong > 0, em: em > 0, link })
  }
  for (const child of inline.children ?? []) {
    switch (child.type) {
      case 'strong_open':
        strong++
        break
      case 'strong_close':
        strong = Math.max(0, strong - 1)
        break
      case 'em_open':
        em++
        break
      case 'em_close':
        em = Math.max(0, em - 1)
        break
      case 'link_open': {
        const href = safeLink(child.attrGet('href'))
        links.push(href ? { href, title: child.attrGet('title') || null } : null)
        break
      }
      case 'link_close':
        links.pop()
        break
      case 'softbreak':
        push(' ')
        break
      case 'hardbreak':
        push('\n')
        break
      case 'image':
        // Only the words: a remote picture is never fetched.
        push(imageAlt(child))
        break
      default:
        // text, text_special (escapes, entities), code_inline, html_inline: literal text.
        push(child.content)
    }
  }
  return out
}

function imageAlt(image: Token): string {
  const children = image.children ?? []
  return children.length > 0 ? children.map((c) => (c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : c.content)).join('') : image.content
}
