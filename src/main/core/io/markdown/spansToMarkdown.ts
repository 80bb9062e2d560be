import type * as A from '@automerge/automerge'

/**
 * A note body (Automerge rich text as spans: block markers and marked text, as the editor's
 * schema writes them) as CommonMark: headings, paragraphs, bullet, numbered and task lists
 * (nested by their parents), bold, italic and links. All text is escaped, so "<script>" or
 * "*" typed in a note stays literal text in any Markdown viewer. `headingShift` moves headings
 * down when the note sits under a heading of its own in a combined file.
 */
export function spansToMarkdown(spans: readonly A.Span[], headingShift = 0): string {
  const blocks: Array<{ block: BlockInfo; inlines: Inline[] }> = []
  for (const span of spans) {
    if (span.type === 'block') blocks.push({ block: blockInfo(span.value), inlines: [] })
    else {
      if (blocks.length === 0) blocks.push({ block: { type: 'paragraph', depth: 0, level: 1, checked: false }, inlines: [] })
      blocks[blocks.length - 1]!.inlines.push({ text: span.value, marks: span.marks ?? {} })
    }
  }
  const lines: string[] = []
  const counters: number[] = []
  /** The list type open at each nesting depth, so a list of another type starts a new list. */
  const listTypeAt: string[] = []
  let previous: BlockInfo | undefined
  for (const { block, inlines } of blocks) {
    const text = inlineMarkdown(inlines).replace(/\n/g, '  \n' + '   '.repeat(block.depth))
    const indent = '   '.repeat(block.depth)
    const isList = listTypes.has(block.type)
    // A blank line between blocks, except between items of one list (or a list nested in it).
    const sameList = isList && previous !== undefined && listTypes.has(previous.type) && (block.depth > previous.depth || listTypeAt[block.depth] === block.type)
    if (previous && !sameList) lines.push('')
    listTypeAt.length = block.depth
    if (isList) listTypeAt[block.depth] = block.type
    counters.length = block.depth + 1
    if (block.type === 'ordered-list-item') counters[block.depth] = (previous?.type === 'ordered-list-item' && previous.depth >= block.depth ? (counters[block.depth] ?? 0) : 0) + 1
    switch (block.type) {
      case 'heading':
        lines.push(`${'#'.repeat(Math.min(6, block.level + headingShift))} ${text}`)
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

interface BlockInfo {
  type: string
  /** How many list items this block sits inside. */
  depth: number
  level: number
  checked: boolean
}

interface Inline {
  text: string
  marks: A.MarkSet
}

const listTypes = new Set(['unordered-list-item', 'ordered-list-item', 'task-list-item'])

function blockInfo(value: { [key: string]: A.MaterializeValue }): BlockInfo {
  const parents = Array.isArray(value.parents) ? value.parents.map(String) : []
  const attrs = (typeof value.attrs === 'object' && value.attrs !== null ? value.attrs : {}) as Record<string, unknown>
  const type = String(value.type ?? 'paragraph')
  const listParents = parents.filter((parent) => listTypes.has(parent)).length
  // A paragraph inside a list item is that item's continuation: indent it under the item.
  return { type, depth: listParents, level: Number(attrs.level) || 1, checked: attrs.checked === true }
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
  for (const { text, marks } of inlines) {
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

function hrefOf(mark: A.MarkValue | undefined): string | null {
  if (typeof mark !== 'string') return null
  try {
    const href = (JSON.parse(mark) as { href?: unknown }).href
    return typeof href === 'string' && href ? href : null
  } catch {
    return null
  }
}

/** Only web and mail links stay links; anything else (javascript:, data:) is written as text. */
function linkTarget(href: string): string {
  return /^(https?:|mailto:)/i.test(href) ? `<${href.replace(/[<>\s]/g, encodeURIComponent)}>` : '#'
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
