import { keymap } from 'prosemirror-keymap'
import { Fragment, Slice, type Node as PmNode } from 'prosemirror-model'
import { Plugin, type Transaction } from 'prosemirror-state'
import { goToNextCell, tableEditing } from 'prosemirror-tables'
import { tableNodeNames } from './projectSchema'

const tableNodes = new Set<string>(tableNodeNames)

/**
 * Remote Automerge patches reach ProseMirror as transactions the sync plugin marks
 * `addToHistory: false`; no local edit in this editor does. While the sync plugin applies them it
 * writes nothing back, so an append reacting to them would live only in this view and make it
 * disagree with the document (and every later edit land in the wrong place).
 */
export function isRemoteTransaction(tr: Transaction): boolean {
  return tr.getMeta('addToHistory') === false
}

function flagUnmarkedTableNodes(table: PmNode, tablePos: number, tr: Transaction) {
  const flag = (node: PmNode, pos: number) => {
    if (tableNodes.has(node.type.name) && node.attrs.isAmgBlock !== true) {
      tr.setNodeMarkup(pos, undefined, { ...node.attrs, isAmgBlock: true })
    }
  }
  flag(table, tablePos)
  table.forEach((row, rowOffset) => {
    const rowPos = tablePos + 1 + rowOffset
    flag(row, rowPos)
    row.forEach((cell, cellOffset) => flag(cell, rowPos + 1 + cellOffset))
  })
}

/**
 * Gives every new table, row and cell its own Automerge block marker. @automerge/prosemirror writes
 * a marker for a new node only when the node directly holds text, which a table and a row never
 * do; without their markers a new table's rows would read back as one row. Setting `isAmgBlock`
 * (the library's "this node is a block" flag) before the sync plugin runs makes it write them.
 * Tables live only at the top level, so only the doc's children are looked at.
 */
export function tableBlockFlagger(): Plugin {
  return new Plugin({
    appendTransaction(transactions, _oldState, state) {
      if (!transactions.some((tr) => tr.docChanged) || transactions.some(isRemoteTransaction)) return undefined
      const tr = state.tr
      state.doc.forEach((node, offset) => {
        if (node.type.name === 'table') flagUnmarkedTableNodes(node, offset, tr)
      })
      return tr.docChanged ? tr : undefined
    },
  })
}

/** The fragment with its table nodes flagged; the same fragment when there is nothing to flag. */
function flagTablesIn(fragment: Fragment): Fragment {
  let changed = false
  const children: PmNode[] = []
  fragment.forEach((node) => {
    const content = node.isLeaf ? node.content : flagTablesIn(node.content)
    const flag = tableNodes.has(node.type.name) && node.attrs.isAmgBlock !== true
    if (!flag && content === node.content) {
      children.push(node)
      return
    }
    changed = true
    children.push(node.type.create(flag ? { ...node.attrs, isAmgBlock: true } : node.attrs, content, node.marks))
  })
  return changed ? Fragment.fromArray(children) : fragment
}

/**
 * Flags pasted tables before they are inserted, so their markers reach the document with them
 * (as insertTable does): flagging them in a second step afterwards leaves an intermediate state
 * that @automerge/prosemirror 0.2.0 can read back wrongly (see resilientSyncPlugin).
 */
export function tablePasteFlagger(): Plugin {
  return new Plugin({
    props: {
      transformPasted: (slice) => new Slice(flagTablesIn(slice.content), slice.openStart, slice.openEnd),
    },
  })
}

/**
 * prosemirror-tables' editing plugin (cell selection, table paste, repair of uneven tables), with
 * its repair skipped for remote changes: a repair appended to a remote change would never reach
 * the Automerge document (see isRemoteTransaction). The next local edit in that table repairs it.
 */
export function localTableEditing(): Plugin {
  const base = tableEditing()
  const appendTransaction = base.spec.appendTransaction
  return new Plugin({
    ...base.spec,
    appendTransaction(transactions, oldState, state) {
      if (!appendTransaction || transactions.some(isRemoteTransaction)) return undefined
      return appendTransaction.call(base, transactions, oldState, state)
    },
  })
}

/** Tab and Shift-Tab move between cells; outside a table (or past the last cell) Tab leaves the editor as usual. */
export function tableKeymap(): Plugin {
  return keymap({ Tab: goToNextCell(1), 'Shift-Tab': goToNextCell(-1) })
}

/** Order matters: the flagger and table editing must come before the Automerge sync plugin. */
export function tablePlugins(): Plugin[] {
  return [tableKeymap(), tablePasteFlagger(), localTableEditing(), tableBlockFlagger()]
}
