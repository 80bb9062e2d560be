import { SchemaAdapter, type MappedNodeSpec, type MappedSchemaSpec } from '@automerge/prosemirror'
import { cellSpan, projectBlockNames } from '@shared/spaces/blocks'
import type { DOMOutputSpec, Node as PmNode } from 'prosemirror-model'
import { addTaskItemAttrParsers, noteSchemaSpec } from '../../notes/editor/schema'

/**
 * The project body schema: the note body's blocks and marks plus tables. @automerge/prosemirror
 * 0.2.0 nests blocks only through each block marker's `parents`, and tells siblings apart only by
 * their own markers, so every table, row and cell has a marker (see @shared/spaces/blocks):
 * without a row marker two rows would read back as one. The library emits a marker for a new node
 * only when it directly holds text, so new tables and rows are flagged `isAmgBlock` by
 * `tableBlockFlagger` (see tablePlugins.ts) before they reach the Automerge document.
 *
 * Tables sit only at the top level (not in lists or other cells), and a cell holds paragraphs.
 * The library reads several new markers arriving at once back wrongly at times; remoteStructureGuard
 * and resilientSyncPlugin repair the view from the document when it does.
 */
const cellAttrs = {
  // No `validate`: the attrs come straight from a peer's block marker, and a validation error
  // would stop the whole body from rendering. cellSpan() clamps them wherever they are used.
  colspan: { default: 1 },
  rowspan: { default: 1 },
  colwidth: { default: null },
}

function cellDomAttrs(node: PmNode): Record<string, string> {
  const attrs: Record<string, string> = {}
  const colspan = cellSpan(node.attrs.colspan)
  const rowspan = cellSpan(node.attrs.rowspan)
  if (colspan > 1) attrs.colspan = String(colspan)
  if (rowspan > 1) attrs.rowspan = String(rowspan)
  return attrs
}

function cellAttrsFromDom(dom: HTMLElement): { colspan: number; rowspan: number } {
  return { colspan: cellSpan(dom.getAttribute('colspan') ?? 1), rowspan: cellSpan(dom.getAttribute('rowspan') ?? 1) }
}

function cellSpec(block: string, tag: 'td' | 'th', tableRole: 'cell' | 'header_cell'): MappedNodeSpec {
  return {
    automerge: {
      block,
      attrParsers: {
        // Only spans other than 1 are stored, so a plain cell's marker has no attrs.
        fromProsemirror: (node) => {
          const attrs: { colspan?: number; rowspan?: number } = {}
          const colspan = cellSpan(node.attrs.colspan)
          const rowspan = cellSpan(node.attrs.rowspan)
          if (colspan > 1) attrs.colspan = colspan
          if (rowspan > 1) attrs.rowspan = rowspan
          return attrs
        },
        fromAutomerge: (marker) => ({ colspan: cellSpan(marker.attrs.colspan), rowspan: cellSpan(marker.attrs.rowspan) }),
      },
    },
    content: 'paragraph+',
    attrs: cellAttrs,
    tableRole,
    isolating: true,
    parseDOM: [{ tag, getAttrs: (dom) => cellAttrsFromDom(dom as HTMLElement) }],
    toDOM: (node): DOMOutputSpec => [tag, cellDomAttrs(node), 0],
  }
}

const tableNodeSpecs: Record<string, MappedNodeSpec> = {
  table: {
    automerge: { block: projectBlockNames.table },
    content: 'table_row+',
    group: 'topBlock',
    tableRole: 'table',
    isolating: true,
    parseDOM: [{ tag: 'table' }],
    toDOM: (): DOMOutputSpec => ['div', { 'data-table-wrapper': '' }, ['table', ['tbody', 0]]],
  },
  table_row: {
    automerge: { block: projectBlockNames.tableRow },
    content: '(table_cell | table_header)+',
    tableRole: 'row',
    parseDOM: [{ tag: 'tr' }],
    toDOM: (): DOMOutputSpec => ['tr', 0],
  },
  table_cell: cellSpec(projectBlockNames.tableCell, 'td', 'cell'),
  table_header: cellSpec(projectBlockNames.tableHeader, 'th', 'header_cell'),
}

/** Node names of the table family, in the order they nest. */
export const tableNodeNames = ['table', 'table_row', 'table_cell', 'table_header'] as const

export const projectSchemaSpec: MappedSchemaSpec = {
  nodes: {
    ...noteSchemaSpec.nodes,
    doc: { content: '(block | topBlock)+' },
    ...tableNodeSpecs,
  },
  marks: noteSchemaSpec.marks,
}

export const projectSchemaAdapter = addTaskItemAttrParsers(new SchemaAdapter(projectSchemaSpec))
export const projectSchema = projectSchemaAdapter.schema
