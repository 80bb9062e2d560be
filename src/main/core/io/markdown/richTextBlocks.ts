import type * as A from '@automerge/automerge'
import { cellSpan, projectBlockNames } from '@shared/spaces/blocks'

const tableBlockNames = { table: projectBlockNames.table, row: projectBlockNames.tableRow, cell: projectBlockNames.tableCell, header: projectBlockNames.tableHeader } as const

export const listBlockTypes: ReadonlySet<string> = new Set(['unordered-list-item', 'ordered-list-item', 'task-list-item'])
const tableTypes: ReadonlySet<string> = new Set(Object.values(tableBlockNames))

export interface Inline {
  text: string
  marks: A.MarkSet
}

/** A heading, paragraph or list item, with how many list items it sits inside. */
export interface TextBlock {
  kind: 'text'
  type: string
  depth: number
  level: number
  checked: boolean
  inlines: Inline[]
}

export interface TableCell {
  header: boolean
  colspan: number
  rowspan: number
  /** The cell's paragraphs, joined by '\n'. */
  inlines: Inline[]
}

export interface TableBlock {
  kind: 'table'
  rows: TableCell[][]
}

export type BodyBlock = TextBlock | TableBlock

interface RawBlock {
  type: string
  parents: string[]
  attrs: Record<string, unknown>
  inlines: Inline[]
}

/**
 * A rich-text body (Automerge spans) as a list of blocks, with the cells of a table gathered into
 * rows. Read defensively: a peer may have written any shape, and an unknown block is a paragraph.
 */
export function readBody(spans: readonly A.Span[]): BodyBlock[] {
  const raw: RawBlock[] = []
  for (const span of spans) {
    if (span.type === 'block') raw.push(rawBlock(span.value))
    else {
      if (raw.length === 0) raw.push({ type: 'paragraph', parents: [], attrs: {}, inlines: [] })
      raw[raw.length - 1]!.inlines.push({ text: span.value, marks: span.marks ?? {} })
    }
  }
  const blocks: BodyBlock[] = []
  let table: TableBuilder | null = null
  for (const block of raw) {
    const inTable = tableTypes.has(block.type) || block.parents.includes(tableBlockNames.table)
    if (!inTable) {
      if (table) blocks.push(table.finish())
      table = null
      blocks.push(textBlock(block))
      continue
    }
    // A table marker at the top level starts a new table, so two adjacent tables stay apart.
    if (block.type === tableBlockNames.table && !block.parents.includes(tableBlockNames.table) && table?.hasCells()) {
      blocks.push(table.finish())
      table = null
    }
    table ??= new TableBuilder()
    table.add(block)
  }
  if (table) blocks.push(table.finish())
  return blocks
}

function rawBlock(value: { [key: string]: A.MaterializeValue }): RawBlock {
  const parents = Array.isArray(value.parents) ? value.parents.map(String) : []
  const attrs = (typeof value.attrs === 'object' && value.attrs !== null && !Array.isArray(value.attrs) ? value.attrs : {}) as Record<string, unknown>
  return { type: String(value.type ?? 'paragraph'), parents, attrs, inlines: [] }
}

function textBlock(block: RawBlock): TextBlock {
  // A paragraph inside a list item is that item's continuation: it is indented under the item.
  const depth = block.parents.filter((parent) => listBlockTypes.has(parent)).length
  return { kind: 'text', type: block.type, depth, level: Number(block.attrs.level) || 1, checked: block.attrs.checked === true, inlines: block.inlines }
}

/**
 * Gathers cells into rows (see the shapes in @shared/spaces/blocks). A row marker starts a row;
 * without any (cells written with no row markers, as a plain prosemirror mapping does), the header
 * cells at the start give the column count and the cells after them wrap into rows of that many.
 */
class TableBuilder {
  private readonly rows: TableCell[][] = []
  private rowMarkers = 0
  private newRow = true

  hasCells(): boolean {
    return this.rows.some((row) => row.length > 0)
  }

  add(block: RawBlock): void {
    if (block.type === tableBlockNames.table) return
    if (block.type === tableBlockNames.row) {
      this.rowMarkers++
      this.newRow = true
      return
    }
    if (block.type === tableBlockNames.cell || block.type === tableBlockNames.header) {
      this.cell(block.type === tableBlockNames.header, block.attrs).inlines.push(...block.inlines)
      return
    }
    // Another paragraph of the same cell.
    const cell = this.rows.at(-1)?.at(-1) ?? this.cell(false, {})
    cell.inlines.push({ text: '\n', marks: {} }, ...block.inlines)
  }

  finish(): TableBlock {
    const rows = this.rows.filter((row) => row.length > 0)
    if (this.rowMarkers > 0 || rows.length !== 1) return { kind: 'table', rows }
    const cells = rows[0]!
    const columns = cells.findIndex((cell) => !cell.header)
    if (columns <= 0) return { kind: 'table', rows }
    const wrapped: TableCell[][] = []
    for (let i = 0; i < cells.length; i += columns) wrapped.push(cells.slice(i, i + columns))
    return { kind: 'table', rows: wrapped }
  }

  private cell(header: boolean, attrs: Record<string, unknown>): TableCell {
    if (this.newRow || this.rows.length === 0) {
      this.rows.push([])
      this.newRow = false
    }
    const cell: TableCell = { header, colspan: cellSpan(attrs.colspan), rowspan: cellSpan(attrs.rowspan), inlines: [] }
    this.rows.at(-1)!.push(cell)
    return cell
  }
}

/** The href of a link mark (a JSON string {href, title}), or null. */
export function hrefOf(mark: A.MarkValue | undefined): string | null {
  if (typeof mark !== 'string') return null
  try {
    const href = (JSON.parse(mark) as { href?: unknown }).href
    return typeof href === 'string' && href ? href : null
  } catch {
    return null
  }
}
