import { baseKeymap, chainCommands, setBlockType, toggleMark } from 'prosemirror-commands'
import { redo, undo } from 'prosemirror-history'
import { InputRule, inputRules, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules'
import { keymap } from 'prosemirror-keymap'
import type { MarkType, NodeType, ResolvedPos, Schema } from 'prosemirror-model'
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list'
import { EditorState, Selection, type Command, type Plugin, type Transaction } from 'prosemirror-state'
import { noteSchema } from './schema'
import { safeHref } from './safeHref'

type NoteNodeName = 'paragraph' | 'heading' | 'bullet_list' | 'ordered_list' | 'list_item' | 'task_list' | 'task_item'
type NoteMarkName = 'strong' | 'em' | 'link'

/**
 * Node and mark types are looked up by name in the state's own schema, so these commands work in
 * any schema that extends the note schema (the project body adds tables).
 */
function nodesOf(schema: Schema): Record<NoteNodeName, NodeType> {
  return schema.nodes as Record<NoteNodeName, NodeType>
}

function marksOf(schema: Schema): Record<NoteMarkName, MarkType> {
  return schema.marks as Record<NoteMarkName, MarkType>
}

export const toggleBold: Command = (state, dispatch) => toggleMark(marksOf(state.schema).strong)(state, dispatch)
export const toggleItalic: Command = (state, dispatch) => toggleMark(marksOf(state.schema).em)(state, dispatch)

export type BlockKind = 'paragraph' | 'heading1' | 'heading2' | 'heading3'
export type ListKind = 'bullet' | 'ordered' | 'checklist'

function listTypes(schema: Schema, kind: ListKind): { list: NodeType; item: NodeType } {
  const nodes = nodesOf(schema)
  if (kind === 'bullet') return { list: nodes.bullet_list, item: nodes.list_item }
  if (kind === 'ordered') return { list: nodes.ordered_list, item: nodes.list_item }
  return { list: nodes.task_list, item: nodes.task_item }
}

/** Heading of a level, or back to a paragraph when the block already is that heading. */
export function toggleHeading(level: 1 | 2 | 3): Command {
  return (state, dispatch) => {
    const nodes = nodesOf(state.schema)
    if (activeBlock(state) === `heading${level}`) return setBlockType(nodes.paragraph)(state, dispatch)
    return setBlockType(nodes.heading, { level })(state, dispatch)
  }
}

export const setParagraph: Command = (state, dispatch) => setBlockType(nodesOf(state.schema).paragraph)(state, dispatch)

function innermostList($pos: ResolvedPos): NodeType | undefined {
  const nodes = nodesOf($pos.doc.type.schema)
  for (let depth = $pos.depth; depth > 0; depth--) {
    const type = $pos.node(depth).type
    if (type === nodes.bullet_list || type === nodes.ordered_list || type === nodes.task_list) return type
  }
  return undefined
}

/** Wraps the selection in a list of this kind, or lifts it out when it already is one. */
export function toggleList(kind: ListKind): Command {
  return (state, dispatch) => {
    const nodes = nodesOf(state.schema)
    const { list, item } = listTypes(state.schema, kind)
    const current = innermostList(state.selection.$from)
    if (current === list) return liftListItem(item)(state, dispatch)
    if (current) {
      // Another kind of list: lift out, then wrap, as one transaction (one undo step).
      const currentItem = current === nodes.task_list ? nodes.task_item : nodes.list_item
      if (!dispatch) return liftListItem(currentItem)(state)
      let lifted: Transaction | undefined
      liftListItem(currentItem)(state, (tr) => (lifted = tr))
      if (!lifted) return false
      const combined: Transaction = lifted
      // A plugin-free scratch state: state.apply() would run the Automerge sync plugin, which writes
      // to the document as a side effect.
      const scratch = EditorState.create({ schema: state.schema, doc: combined.doc, selection: combined.selection })
      return wrapInList(list)(scratch, (wrapped) => {
        for (const step of wrapped.steps) combined.step(step)
        combined.setSelection(Selection.fromJSON(combined.doc, wrapped.selection.toJSON()))
        dispatch(combined.scrollIntoView())
      })
    }
    return wrapInList(list)(state, dispatch)
  }
}

export function activeBlock(state: EditorState): BlockKind | null {
  const nodes = nodesOf(state.schema)
  const parent = state.selection.$from.parent
  if (parent.type === nodes.paragraph) return 'paragraph'
  if (parent.type === nodes.heading) return `heading${parent.attrs.level as 1 | 2 | 3}`
  return null
}

export function activeList(state: EditorState): ListKind | null {
  const nodes = nodesOf(state.schema)
  const list = innermostList(state.selection.$from)
  if (list === nodes.bullet_list) return 'bullet'
  if (list === nodes.ordered_list) return 'ordered'
  if (list === nodes.task_list) return 'checklist'
  return null
}

export function isMarkActive(state: EditorState, type: 'strong' | 'em' | 'link'): boolean {
  const mark = marksOf(state.schema)[type]
  const { from, $from, to, empty } = state.selection
  if (empty) return !!mark.isInSet(state.storedMarks ?? $from.marks())
  return state.doc.rangeHasMark(from, to, mark)
}

/** The href of the link at the cursor, if any. */
export function linkAtSelection(state: EditorState): string | null {
  const { $from } = state.selection
  const marks = marksOf(state.schema)
  const link = marks.link.isInSet($from.marks()) ?? marks.link.isInSet($from.nodeAfter?.marks ?? [])
  return link ? (link.attrs.href as string) : null
}

/** Links the selection (or inserts the address as linked text); refuses anything but http(s)/mailto. */
export function setLink(href: string): Command {
  return (state, dispatch) => {
    const safe = safeHref(href)
    if (!safe) return false
    const marks = marksOf(state.schema)
    const mark = marks.link.create({ href: safe, title: null })
    const { from, to, empty } = state.selection
    if (!dispatch) return true
    if (empty) {
      dispatch(state.tr.insert(from, state.schema.text(safe, [mark])).scrollIntoView())
    } else {
      dispatch(state.tr.removeMark(from, to, marks.link).addMark(from, to, mark).scrollIntoView())
    }
    return true
  }
}

/** Removes the link from the selection, or from the whole link the cursor is in. */
export const removeLink: Command = (state, dispatch) => {
  const marks = marksOf(state.schema)
  let { from, to } = state.selection
  if (state.selection.empty) {
    const $pos = state.selection.$from
    const start = $pos.parent.childAfter($pos.parentOffset)
    if (!start.node || !marks.link.isInSet(start.node.marks)) {
      const before = $pos.parent.childBefore($pos.parentOffset)
      if (!before.node || !marks.link.isInSet(before.node.marks)) return false
      from = $pos.start() + before.offset
      to = from + before.node.nodeSize
    } else {
      from = $pos.start() + start.offset
      to = from + start.node.nodeSize
    }
  }
  if (!state.doc.rangeHasMark(from, to, marks.link)) return false
  dispatch?.(state.tr.removeMark(from, to, marks.link))
  return true
}

export function noteInputRules(schema: Schema = noteSchema): Plugin {
  const nodes = nodesOf(schema)
  const rules: InputRule[] = [
    textblockTypeInputRule(/^(#{1,3})\s$/, nodes.heading, (match) => ({ level: match[1]!.length })),
    wrappingInputRule(/^\s*([-+*])\s$/, nodes.bullet_list),
    wrappingInputRule(/^(\d+)\.\s$/, nodes.ordered_list, (match) => ({ order: Number(match[1]) })),
    wrappingInputRule(/^\[ ?\]\s$/, nodes.task_list),
  ]
  return inputRules({ rules })
}

export function noteKeymaps(schema: Schema = noteSchema): Plugin[] {
  const nodes = nodesOf(schema)
  return [
    keymap({
      'Mod-b': toggleBold,
      'Mod-i': toggleItalic,
      'Mod-z': undo,
      'Mod-y': redo,
      'Mod-Shift-z': redo,
      'Mod-Alt-1': toggleHeading(1),
      'Mod-Alt-2': toggleHeading(2),
      'Mod-Alt-3': toggleHeading(3),
      'Mod-Alt-0': setParagraph,
      'Mod-Shift-8': toggleList('bullet'),
      'Mod-Shift-7': toggleList('ordered'),
      'Mod-Shift-9': toggleList('checklist'),
      Enter: chainCommands(splitListItem(nodes.list_item), splitListItem(nodes.task_item, { checked: false })),
      'Mod-[': chainCommands(liftListItem(nodes.list_item), liftListItem(nodes.task_item)),
      'Mod-]': chainCommands(sinkListItem(nodes.list_item), sinkListItem(nodes.task_item)),
    }),
    keymap(baseKeymap),
  ]
}
