import { Group } from '@mantine/core'
import { IconColumnInsertRight, IconColumnRemove, IconRowInsertBottom, IconRowRemove, IconTable, IconTableOff } from '@tabler/icons-react'
import type { EditorState } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { ToolbarButton } from '../../notes/editor/Toolbar'
import { addColumnAfter, addRowAfter, deleteColumn, deleteRow, deleteTable, insertTable, isInTable } from './tableCommands'

const insertThreeByThree = insertTable(3, 3)

/** Table buttons for the formatting toolbar; the row and column ones appear while the cursor is in a table. */
export function TableControls({ view, state }: { view: EditorView; state: EditorState }) {
  const common = { view, state, active: false }
  return (
    <Group gap={2} wrap="nowrap" role="group" aria-label="Table">
      <ToolbarButton {...common} label="Insert table" shortcut="Tab moves to the next cell" icon={<IconTable size={18} aria-hidden />} command={insertThreeByThree} />
      {isInTable(state) ? (
        <>
          <ToolbarButton {...common} label="Add row below" icon={<IconRowInsertBottom size={18} aria-hidden />} command={addRowAfter} />
          <ToolbarButton {...common} label="Add column to the right" icon={<IconColumnInsertRight size={18} aria-hidden />} command={addColumnAfter} />
          <ToolbarButton {...common} label="Delete row" icon={<IconRowRemove size={18} aria-hidden />} command={deleteRow} />
          <ToolbarButton {...common} label="Delete column" icon={<IconColumnRemove size={18} aria-hidden />} command={deleteColumn} />
          <ToolbarButton {...common} label="Delete table" icon={<IconTableOff size={18} aria-hidden />} command={deleteTable} />
        </>
      ) : null}
    </Group>
  )
}
