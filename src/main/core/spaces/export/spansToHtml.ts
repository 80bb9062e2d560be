import type * as A from '@automerge/automerge'
import { hrefOf, listBlockTypes, readBody, type Inline, type TableBlock, type TextBlock } from '../../io/markdown/richTextBlocks'
import { safeLink } from '../../io/markdown/safeLink'

/**
 * A rich-text body as HTML for a standalone page: headings, paragraphs, nested bullet, numbered
 * and checklist lists, tables, bold, italic and links. Every piece of text goes through
 * escapeHtml and only http(s) and mailto links become links, so nothing typed becomes markup.
 */
export function spansToHtml(spans: readonly A.Span[]): string {
  const out: string[] = []
  /** The lists open around the current block, outermost first; each has an open <li>. */
  const open: Array<{ tag: 'ul' | 'ol'; type: string }> = []
  const closeTo = (depth: number) => {
    while (open.length > depth) out.push(`</li></${open.pop()!.tag}>`)
  }
  for (const block of readBody(spans)) {
    if (block.kind === 'table') {
      closeTo(0)
      out.push(tableHtml(block))
      continue
    }
    // A block can be at most one level deeper than the lists open around it.
    const depth = Math.min(block.depth, open.length)
    if (!listBlockTypes.has(block.type)) {
      closeTo(depth)
      out.push(textBlockHtml(block))
      continue
    }
    closeTo(depth + 1)
    if (open.length === depth + 1) {
      if (open[depth]!.type === block.type) out.push('</li>')
      else closeTo(depth)
    }
    if (open.length === depth) {
      const tag = block.type === 'ordered-list-item' ? 'ol' : 'ul'
      out.push(block.type === 'task-list-item' ? '<ul class="checklist">' : `<${tag}>`)
      open.push({ tag, type: block.type })
    }
    const box = block.type === 'task-list-item' ? `<span class="box" aria-hidden="true">${block.checked ? '☑' : '☐'}</span> ` : ''
    const label = block.type === 'task-list-item' ? ` aria-label="${block.checked ? 'Done' : 'To do'}"` : ''
    out.push(`<li${label}>${box}${inlineHtml(block.inlines)}`)
  }
  closeTo(0)
  return out.join('\n')
}

function textBlockHtml(block: TextBlock): string {
  if (block.type === 'heading') {
    // The page's own title is the h1; body headings sit one level under it.
    const tag = `h${Math.min(6, Math.max(1, block.level) + 1)}`
    return `<${tag}>${inlineHtml(block.inlines)}</${tag}>`
  }
  return `<p>${inlineHtml(block.inlines)}</p>`
}

function tableHtml(table: TableBlock): string {
  const rows = table.rows.map((row) => {
    const cells = row.map((cell) => {
      const tag = cell.header ? 'th' : 'td'
      const span = `${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}`
      return `<${tag}${span}>${inlineHtml(cell.inlines)}</${tag}>`
    })
    return `<tr>${cells.join('')}</tr>`
  })
  return `<table>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`
}

/** Runs of text with their marks; runs under one link share one <a>. */
export function inlineHtml(inlines: readonly Inline[]): string {
  let out = ''
  let link: string | null = null
  for (const { text, marks } of inlines) {
    const href = hrefOf(marks.link)
    const safe = href ? safeLink(href) : null
    if (safe !== link) {
      if (link !== null) out += '</a>'
      if (safe !== null) out += `<a href="${escapeHtml(safe)}" rel="noopener noreferrer">`
      link = safe
    }
    let run = escapeHtml(text).replace(/\n/g, '<br>')
    if (marks.em === true) run = `<em>${run}</em>`
    if (marks.strong === true) run = `<strong>${run}</strong>`
    out += run
  }
  if (link !== null) out += '</a>'
  return out
}

/** Text for HTML content or a quoted attribute; the block-marker character is dropped. */
export function escapeHtml(text: string): string {
  return text.replace(/\uFFFC/g, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
