import { ActionIcon, Group, Tooltip } from '@mantine/core'
import {
  IconBold,
  IconH1,
  IconH2,
  IconH3,
  IconItalic,
  IconList,
  IconListCheck,
  IconListNumbers,
} from '@tabler/icons-react'
import type { Command, EditorState } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { ReactNode } from 'react'
import { activeBlock, activeList, isMarkActive, toggleBold, toggleHeading, toggleItalic, toggleList } from './commands'
import { LinkControl } from './LinkControl'
import classes from './Toolbar.module.css'

import { isMac } from '../../../components/shortcuts'
const mod = isMac ? '⌘' : 'Ctrl+'
const alt = isMac ? '⌥' : 'Alt+'

export interface ToolbarButtonProps {
  label: string
  shortcut?: string
  icon: ReactNode
  active: boolean
  command: Command
  view: EditorView
  state: EditorState
}

export function ToolbarButton({ label, shortcut, icon, active, command, view, state }: ToolbarButtonProps) {
  return (
    <Tooltip label={shortcut ? `${label} (${shortcut})` : label}>
      <ActionIcon
        aria-label={label}
        aria-pressed={active}
        variant={active ? 'light' : 'subtle'}
        color={active ? undefined : 'gray'}
        disabled={!command(state)}
        // Keep the editor's selection: act on mouse down without taking focus.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => {
          command(view.state, view.dispatch)
          view.focus()
        }}
      >
        {icon}
      </ActionIcon>
    </Tooltip>
  )
}

/** The formatting toolbar; `children` adds controls at its end (the project editor's table controls). */
export function Toolbar({ view, state, children }: { view: EditorView; state: EditorState; children?: ReactNode }) {
  const block = activeBlock(state)
  const list = activeList(state)
  const common = { view, state }
  return (
    <div role="toolbar" aria-label="Formatting" className={classes.toolbar}>
      <Group gap={2} wrap="nowrap">
        <ToolbarButton {...common} label="Bold" shortcut={`${mod}B`} icon={<IconBold size={18} aria-hidden />} active={isMarkActive(state, 'strong')} command={toggleBold} />
        <ToolbarButton {...common} label="Italic" shortcut={`${mod}I`} icon={<IconItalic size={18} aria-hidden />} active={isMarkActive(state, 'em')} command={toggleItalic} />
      </Group>
      <Group gap={2} wrap="nowrap">
        <ToolbarButton {...common} label="Heading 1" shortcut={`# , ${mod}${alt}1`} icon={<IconH1 size={18} aria-hidden />} active={block === 'heading1'} command={toggleHeading(1)} />
        <ToolbarButton {...common} label="Heading 2" shortcut={`## , ${mod}${alt}2`} icon={<IconH2 size={18} aria-hidden />} active={block === 'heading2'} command={toggleHeading(2)} />
        <ToolbarButton {...common} label="Heading 3" shortcut={`### , ${mod}${alt}3`} icon={<IconH3 size={18} aria-hidden />} active={block === 'heading3'} command={toggleHeading(3)} />
      </Group>
      <Group gap={2} wrap="nowrap">
        <ToolbarButton {...common} label="Bulleted list" shortcut="- " icon={<IconList size={18} aria-hidden />} active={list === 'bullet'} command={toggleList('bullet')} />
        <ToolbarButton {...common} label="Numbered list" shortcut="1. " icon={<IconListNumbers size={18} aria-hidden />} active={list === 'ordered'} command={toggleList('ordered')} />
        <ToolbarButton {...common} label="Checklist" shortcut="[ ] " icon={<IconListCheck size={18} aria-hidden />} active={list === 'checklist'} command={toggleList('checklist')} />
      </Group>
      <LinkControl view={view} state={state} />
      {children}
    </div>
  )
}
