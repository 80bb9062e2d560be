import type * as A from '@automerge/automerge'
import { hrefOf, listBlockTypes, readBody, type Inline, type TableBlock, type TextBlock } from './richTextBlocks'
import { safeLink } from './safeLink'

/**
 * A note body (Automerge rich text as spans: block markers and marked text, as the editor's
 * schema writes them) as CommonMark: headings, paragraphs, bullet, numbered and task lists
 * (nested by their parents), GFM tables, bold, italic and links. All text is escaped, so "<script>" or
 * "*" typed in a note stays literal text in any Markdown viewer. `headingShift` moves headings
 * down when the note sits under a heading of its own in a combined file.
 */
export function spansToMarkdown(spans: readonly A.Span[], headingShift = 0): string {
  const lines: string[] = []
  const counters: number[] = []
  /** The list type open at each nesting depth, so a list of another type starts a new list. */
  const listTypeAt: string[] = []
  let previous: TextBlock | undefined
  for (const block of readBody(spans)) {
    if (block.kind === 'table') {
      lines.push('', ...tableMarkdown(block), '')
      listTypeAt.length = 0
      previous = undefined
      continue
    }
    const text = inlineMarkdown(block.inlines).replace(/\n/g, '  \n' + '   '.repeat(block.depth))
    const indent = '   '.repeat(block.depth)
    const isList = listBlockTypes.has(block.type)
    // A blank line between blocks, except between items of one list (or a list nested in it).
    const sameList = isList && previous !== undefined && listBlockTypes.has(previous.type) && (block.depth > previous.depth || listTypeAt[block.depth] === block.type)
    if (previous && !sameList) lines.push('')
    listTypeAt.length = block.depth
    if (isList) listTypeAt[block.depth] = block.type
    counters.length = block.depth + 1
    if (block.type === 'ordered-list-item') counters[block.depth] = (previous?.type === 'ordered-list-item' && previous.depth >= block.depth ? (counters[block.depth] ?? 0) : 0) + 1
    switch (block.type) {
      case 'heading':
        lines.push(`${'#'.repeat(Math.min(6, block.level + headingShift))} ${escapeClosingHashes(text)}`)
        break
      case 'unordered-list-item':
        lines.push(`${indent}- ${text}`)
        break
      case 'ordered-list-item':
        lines.push(`${indent}${counters[block.depth]}. ${text}`)
        break
      case 'task-list-item':
        lines.push(`${indent}- [${block.checked ? 'x' : ' '}] ${text}`)
        break
      default:
        lines.push(`${indent}${text}`)
    }
    previous = block
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n'
}

/**
 * A GFM pipe table. GFM needs a header row, so the first row is the header even when it holds
 * ordinary cells; rows are padded to one width. In a cell a line break is a space and every "|"
 * is escaped, so typed text never splits a cell.
 */
function tableMarkdown(table: TableBlock): string[] {
  // A cell spanning columns is followed by empty cells, so the columns after it stay in place.
  const rows = table.rows.map((cells) => cells.flatMap((cell) => [escapePipes(inlineMarkdown(cell.inlines).replace(/\s*\n\s*/g, ' ').trim()), ...Array<string>(cell.colspan - 1).fill('')]))
  const columns = Math.max(1, ...rows.map((cells) => cells.length))
  const row = (cells: readonly string[]) => `| ${Array.from({ length: columns }, (_, i) => cells[i] ?? '').join(' | ')} |`
  const [head = [], ...body] = rows
  return [row(head), `|${' --- |'.repeat(columns)}`, ...body.map(row)]
}

/** "|" outside a backslash escape (escapeMarkdown leaves every backslash in a pair) gets one. */
function escapePipes(markdown: string): string {
  return markdown.replace(/\\[\s\S]|\|/g, (match) => (match === '|' ? '\\|' : match))
}

/** Bold, italic and links opened and closed at the changes between spans, so adjacent spans do not produce "****". */
function inlineMarkdown(inlines: readonly Inline[]): string {
  let out = ''
  let open: { link: string | null; strong: boolean; em: boolean } = { link: null, strong: false, em: false }
  const close = () => {
    if (open.em) out += '_'
    if (open.strong) out += '**'
    if (open.link !== null) out += `](${linkTarget(open.link)})`
    open = { link: null, strong: false, em: false }
  }
  for (const { text, marks } of edgeSpacesUnmarked(inlines)) {
    const want = { link: hrefOf(marks.link), strong: marks.strong === true, em: marks.em === true }
    if (want.link !== open.link || (open.em && !want.em) || (open.strong && !want.strong)) close()
    if (want.link !== null && open.link === null) {
      out += '['
      open.link = want.link
    }
    if (want.strong && !open.strong) {
      if (open.em) {
        out += '_'
        open.em = false
      }
      out += '**'
      open.strong = true
    }
    if (want.em && !open.em) {
      out += '_'
      open.em = true
    }
    out += escapeMarkdown(text)
  }
  close()
  return out
}

/**
 * CommonMark ignores "**" or "_" next to a space on its inner side ("** bold**" is not bold), so
 * spaces at the edges of a bold or italic run are written outside it.
 */
function edgeSpacesUnmarked(inlines: readonly Inline[]): Inline[] {
  return inlines.flatMap((inline) => {
    if (inline.marks.strong !== true && inline.marks.em !== true) return [inline]
    const [, before = '', core = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(inline.text) ?? []
    const plain: A.MarkSet = { ...inline.marks, strong: false, em: false }
    return [{ text: before, marks: plain }, { text: core, marks: inline.marks }, { text: after, marks: plain }].filter((part) => part.text !== '')
  })
}

/** Only web and mail links stay links; anything else (javascript:, data:) is written as text. */
function linkTarget(href: string): string {
  const safe = safeLink(href)
  return safe ? `<${safe.replace(/[<>\s]/g, encodeURIComponent)}>` : '#'
}

/** A heading's trailing " #" would be read as its closing sequence and dropped ("Year 5 #"). */
export function escapeClosingHashes(heading: string): string {
  return heading.replace(/(^|\s)(#+)(\s*)$/, '$1\\$2$3')
}

/**
 * Backslash-escapes what CommonMark (and GFM) would read as markup or raw HTML: emphasis, code,
 * links, tags and entities anywhere, and list, heading and quote markers at the start of a line.
 * Other punctuation is left alone so the file stays pleasant to read as text.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\uFFFC/g, '')
    .replace(/[\\`*_[\]<>&~]/g, '\\$&')
    .replace(/^(\s*)(\d+)([.)])/gm, '$1$2\\$3')
    .replace(/^(\s*)([#+\-=>|])/gm, '$1\\$2')
}
