import type { SafeBlock, SafeInline } from './htmlToSafeBlocks'
import { safeHttpUrl } from './safeHttpUrl'

type TextBlockKind = 'paragraph' | 'heading' | 'listItem' | 'quote'

/** Collects text and inline links into the current block; a block tag or image closes it. */
export class BlockBuilder {
  private readonly blocks: SafeBlock[] = []
  private inlines: SafeInline[] = []
  private codeText: string | null = null
  private kind: TextBlockKind = 'paragraph'
  private level = 1
  private link: { href: string | null; text: string } | null = null
  /** Open <li> and <blockquote>: a <p> inside one is still a list item or a quote. */
  private readonly containers: Array<'listItem' | 'quote'> = []

  constructor(private readonly baseUrl: string | null) {}

  text(text: string): void {
    if (this.codeText !== null) this.codeText += text
    else if (this.link) this.link.text += text
    else this.inlines.push({ type: 'text', text })
  }

  tag(name: string, closing: boolean, attributes: Map<string, string>, block: TextBlockKind | 'code' | undefined): void {
    if (name === 'a') return closing ? this.closeLink() : this.openLink(attributes.get('href'))
    if (name === 'br') return this.text('\n')
    if (name === 'img' && !closing) return this.image(attributes)
    if (!block) return
    this.flush()
    if (block === 'listItem' || block === 'quote') {
      if (!closing) this.containers.push(block)
      else if (this.containers.lastIndexOf(block) !== -1) this.containers.splice(this.containers.lastIndexOf(block), 1)
      this.kind = this.containerKind()
    }
    if (closing) return
    if (block === 'code') this.codeText = ''
    else if (block === 'heading') {
      this.kind = 'heading'
      this.level = Number(name.slice(1))
    }
  }

  private containerKind(): TextBlockKind {
    return this.containers[this.containers.length - 1] ?? 'paragraph'
  }

  finish(): SafeBlock[] {
    this.flush()
    return this.blocks
  }

  private openLink(href: string | undefined): void {
    this.closeLink()
    this.link = { href: safeHttpUrl(href, this.baseUrl), text: '' }
  }

  private closeLink(): void {
    if (!this.link) return
    const { href, text } = this.link
    this.link = null
    if (href) this.inlines.push({ type: 'link', text: collapse(text) || href, href })
    else this.inlines.push({ type: 'text', text })
  }

  private image(attributes: Map<string, string>): void {
    const src = safeHttpUrl(attributes.get('src'), this.baseUrl)
    if (!src) return
    this.flush()
    this.blocks.push({ type: 'image', alt: collapse(attributes.get('alt') ?? ''), src })
  }

  private flush(): void {
    this.closeLink()
    if (this.codeText !== null) {
      const text = this.codeText.replace(/^\n+|\s+$/g, '')
      if (text) this.blocks.push({ type: 'code', text })
      this.codeText = null
    }
    const inlines = tidyInlines(this.inlines)
    this.inlines = []
    if (inlines.length > 0) {
      this.blocks.push(this.kind === 'heading' ? { type: 'heading', level: this.level, inlines } : { type: this.kind, inlines })
    }
    this.kind = this.containerKind()
  }
}

/** Merges neighbouring text, collapses whitespace and trims the block's ends. */
function tidyInlines(inlines: SafeInline[]): SafeInline[] {
  const merged: SafeInline[] = []
  for (const inline of inlines) {
    const last = merged[merged.length - 1]
    if (inline.type === 'text' && last?.type === 'text') last.text += inline.text
    else merged.push({ ...inline })
  }
  for (const inline of merged) if (inline.type === 'text') inline.text = inline.text.replace(/\s+/g, ' ')
  const first = merged[0]
  if (first?.type === 'text') first.text = first.text.trimStart()
  const last = merged[merged.length - 1]
  if (last?.type === 'text') last.text = last.text.trimEnd()
  return merged.filter((inline) => inline.type === 'link' || inline.text !== '')
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
