/**
 * Automerge rich-text block names of a project body (the `type` of each block marker in
 * A.spans(doc, ['body'])). The note blocks come first; tables are nested through each marker's
 * `parents`:
 *
 *   { type: 'table', parents: [] }                               one per table
 *   { type: 'table-row', parents: ['table'] }                    one per row
 *   { type: 'table-cell' | 'table-header', parents: ['table', 'table-row'], attrs: { colspan?, rowspan? } }
 *   { type: 'paragraph', parents: ['table', 'table-row', 'table-cell'] }   a second paragraph in a cell
 *
 * The first paragraph of a cell has no marker of its own: the cell's text follows the cell marker.
 * Blocks with other names come from newer apps and are shown as paragraphs.
 */
export const projectBlockNames = {
  paragraph: 'paragraph',
  heading: 'heading',
  bulletItem: 'unordered-list-item',
  orderedItem: 'ordered-list-item',
  taskItem: 'task-list-item',
  table: 'table',
  tableRow: 'table-row',
  tableCell: 'table-cell',
  tableHeader: 'table-header',
} as const

export type ProjectBlockName = (typeof projectBlockNames)[keyof typeof projectBlockNames]

/** Largest colspan/rowspan kept from a block marker; a hostile peer may send anything. */
export const maxCellSpan = 20

/** A cell span read from a block marker's attrs: an integer from 1 to maxCellSpan. */
export function cellSpan(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value)
  return Number.isInteger(n) && n >= 1 ? Math.min(n, maxCellSpan) : 1
}
