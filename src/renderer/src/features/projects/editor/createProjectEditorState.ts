import { init, type DocHandle } from '@automerge/prosemirror'
import { limits } from '@shared/limits'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { history } from 'prosemirror-history'
import { EditorState, type Plugin } from 'prosemirror-state'
import { noteInputRules, noteKeymaps } from '../../notes/editor/commands'
import { linkClickPlugin } from '../../notes/editor/openExternalLink'
import { pasteGuard } from '../../notes/editor/pasteGuard'
import { projectSchemaAdapter } from './projectSchema'
import { resilientSyncPlugin } from '../../notes/editor/resilientSyncPlugin'
import { remoteStructureGuard } from './remoteStructureGuard'
import { tablePlugins } from './tablePlugins'

/** The body of a project, as a path for @automerge/prosemirror. */
export const projectBodyPath = ['body'] as const

export interface ProjectEditorStateOptions {
  onPasteRefused: (chars: number) => void
  /** Extra plugins (comment highlights, presence); they come after the Automerge sync plugin. */
  plugins?: readonly Plugin[]
}

/**
 * Builds the ProseMirror state for a project body from its Automerge document, like the note
 * editor's, plus table editing. The table plugins precede the sync plugin so that the block
 * markers they add reach the document in the same change (see tablePlugins.ts).
 */
export function createProjectEditorState(handle: DocHandle<ProjectDoc>, options: ProjectEditorStateOptions): EditorState {
  const { schema, pmDoc, plugin } = init(handle as DocHandle<unknown>, [...projectBodyPath], { schemaAdapter: projectSchemaAdapter })
  return EditorState.create({
    schema,
    doc: pmDoc,
    plugins: [
      pasteGuard({ maxChars: limits.pasteChars, onRefused: options.onPasteRefused }),
      ...tablePlugins(),
      noteInputRules(schema),
      ...noteKeymaps(schema),
      history(),
      linkClickPlugin(),
      resilientSyncPlugin(plugin, handle as DocHandle<unknown>, projectSchemaAdapter, projectBodyPath),
      remoteStructureGuard(handle as DocHandle<unknown>, projectSchemaAdapter, projectBodyPath),
      ...(options.plugins ?? []),
    ],
  })
}
