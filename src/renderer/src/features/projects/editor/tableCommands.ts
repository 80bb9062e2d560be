import type { Node as PmNode, Schema } from 'prosemirror-model'
import { TextSelection, type Command } from 'prosemirror-state'
import { isInTable } from 'prosemirror-tables'

export { addColumnAfter, addColumnBefore, addRowAfter, addRowBefore, deleteColumn, deleteRow, deleteTable, isInTable } from 'prosemirror-tables'

/**
 * Made with `isAmgBlock` already set (see tableBlockFlagger): the markers then reach the document in
 * the same step as the table, which spares @automerge/prosemirror a half-nested intermediate
 * state it reads back wrongly.
 */
function createTable(schema: Schema, rows: number, columns: number): PmNode {
  const block = { isAmgBlock: true }
  const { table, table_row: row, table_cell: cell, table_header: header, paragraph } = schema.nodes
  if (!table || !row || !cell || !header || !paragraph) throw new Error('This schema has no tables')
  const tableRows: PmNode[] = []
  for (let r = 0; r < rows; r++) {
    const cells: PmNode[] = []
    // The first row is a header row: lesson-plan tables are mostly "Time | Activity | Notes".
    for (let c = 0; c < columns; c++) cells.push((r === 0 ? header : cell).create(block, paragraph.create()))
    tableRows.push(row.create(block, cells))
  }
  return table.create(block, tableRows)
}

/**
 * Inserts a table with a header row after the block the cursor is in (replacing it when it is an
 * empty paragraph), followed by a paragraph to keep writing in, and puts the cursor in the first
 * cell. Tables are not nested: refused inside a table or a list.
 */
export function insertTable(rows = 3, columns = 3): Command {
  return (state, dispatch) => {
    const { $from } = state.selection
    if (isInTable(state) || $from.depth !== 1 || !$from.parent.isTextblock) return false
    if (!dispatch) return true
    const schema = state.schema
    const table = createTable(schema, rows, columns)
    const block = $from.parent
    const blockStart = $from.before(1)
    const replaceEmpty = block.type === schema.nodes.paragraph && block.content.size === 0
    const from = replaceEmpty ? blockStart : $from.after(1)
    const to = replaceEmpty ? $from.after(1) : from
    const tr = state.tr.replaceWith(from, to, [table, schema.nodes.paragraph!.create()])
    // from + table + row + cell + paragraph openings.
    tr.setSelection(TextSelection.create(tr.doc, from + 4))
    dispatch(tr.scrollIntoView())
    return true
  }
}
