import type { DocHandle as RepoDocHandle } from '@automerge/automerge-repo'
import type { DocHandle } from '@automerge/prosemirror'
import { limits } from '@shared/limits'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import type { EditorState, Plugin } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { useEffect, useRef, useState } from 'react'
import { showErrorToast } from '../../../app/errorToasts'
import noteClasses from '../../notes/editor/RichTextEditor.module.css'
import { createTaskItemView } from '../../notes/editor/taskItemView'
import { Toolbar } from '../../notes/editor/Toolbar'
import { PresenceBar } from '../presence/PresenceBar'
import { remoteCursorsPlugin, showRemotePeers } from '../presence/remoteCursorsPlugin'
import { useProjectPresence, type PresenceUser } from '../presence/useProjectPresence'
import { createProjectEditorState, projectBodyPath } from './createProjectEditorState'
import classes from './ProjectEditor.module.css'
import { projectSchemaAdapter } from './projectSchema'
import { TableControls } from './TableControls'

const numberFormat = new Intl.NumberFormat()

export function projectPasteRefusedMessage(chars: number): string {
  return `That paste has ${numberFormat.format(chars)} characters; a project takes at most ${numberFormat.format(limits.pasteChars)} at once. Nothing was changed.`
}

export interface ProjectEditorProps {
  /** The renderer's automerge-repo handle of the project; the body is at ['body']. */
  handle: RepoDocHandle<ProjectDoc>
  /** A viewer's editor: nothing can be changed, no toolbar. */
  readOnly?: boolean
  /** Who I am: with it, the editor shares my presence and shows who else is here. */
  me?: PresenceUser | null
  /** Extra ProseMirror plugins (e.g. comment highlights); may change while mounted. */
  plugins?: readonly Plugin[]
  /** Handed the EditorView once it exists, and null when it goes. */
  onView?: (view: EditorView | null) => void
  /** Accessible name of the editable area. */
  label?: string
}

function editorAttributes(label: string, readOnly: boolean): Record<string, string> {
  return {
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    'aria-readonly': String(readOnly),
    'data-testid': 'project-body',
    // Already focusable as contenteditable; said explicitly so axe counts the scrolling body as keyboard-reachable.
    tabindex: '0',
    class: `${noteClasses.prose ?? ''} ${classes.tables ?? ''}`,
    spellcheck: String(!readOnly),
  }
}

const nodeViews = (): NonNullable<ConstructorParameters<typeof EditorView>[1]['nodeViews']> => ({
  task_item: (node, v, getPos) => createTaskItemView(node, v, getPos),
})

/** The project body: ProseMirror on the project's Automerge document, co-edited live, with tables and presence. */
export function ProjectEditor({ handle, readOnly = false, me = null, plugins, onView, label = 'Project body' }: ProjectEditorProps) {
  const mountRef = useRef<HTMLDivElement>(null)
  const [view, setView] = useState<EditorView | null>(null)
  const [state, setState] = useState<EditorState | null>(null)
  const presence = useProjectPresence(me ? (handle as RepoDocHandle<unknown>) : null, me)
  const withPresence = me !== null

  // Read by the view's callbacks, so that changing them needs no new view.
  const readOnlyRef = useRef(readOnly)
  readOnlyRef.current = readOnly
  const setSelectionRef = useRef(presence.setSelection)
  setSelectionRef.current = presence.setSelection
  const onViewRef = useRef(onView)
  onViewRef.current = onView
  const pluginsRef = useRef(plugins)
  pluginsRef.current = plugins
  const basePlugins = useRef<readonly Plugin[]>([])
  const appliedPlugins = useRef<readonly Plugin[] | undefined>(undefined)

  useEffect(() => {
    const mount = mountRef.current
    if (!mount) return
    const pmHandle = handle as unknown as DocHandle<ProjectDoc>
    const presencePlugins = withPresence
      ? [
          remoteCursorsPlugin({
            handle: pmHandle as DocHandle<unknown>,
            adapter: projectSchemaAdapter,
            path: projectBodyPath,
            onLocalSelection: (selection) => setSelectionRef.current(selection),
          }),
        ]
      : []
    const extra = pluginsRef.current ?? []
    const initial = createProjectEditorState(pmHandle, {
      onPasteRefused: (chars) => showErrorToast('Paste refused', projectPasteRefusedMessage(chars)),
      plugins: [...presencePlugins, ...extra],
    })
    basePlugins.current = initial.plugins.slice(0, initial.plugins.length - extra.length)
    appliedPlugins.current = pluginsRef.current
    const editorView: EditorView = new EditorView(
      { mount },
      {
        state: initial,
        nodeViews: nodeViews(),
        editable: () => !readOnlyRef.current,
        attributes: () => editorAttributes(label, readOnlyRef.current),
        dispatchTransaction(tr) {
          const next = editorView.state.apply(tr)
          editorView.updateState(next)
          setState(next)
        },
      },
    )
    setView(editorView)
    setState(initial)
    onViewRef.current?.(editorView)
    return () => {
      onViewRef.current?.(null)
      editorView.destroy()
      setView(null)
      setState(null)
    }
  }, [handle, label, withPresence])

  useEffect(() => {
    // New node views redraw the checklist boxes, which are disabled in a read-only view.
    view?.setProps({ editable: () => !readOnly, nodeViews: nodeViews() })
  }, [view, readOnly])

  useEffect(() => {
    if (!view || plugins === appliedPlugins.current) return
    appliedPlugins.current = plugins
    const next = view.state.reconfigure({ plugins: [...basePlugins.current, ...(plugins ?? [])] })
    view.updateState(next)
    setState(next)
  }, [view, plugins])

  useEffect(() => {
    if (view && withPresence) showRemotePeers(view, presence.peers)
  }, [view, withPresence, presence.peers])

  return (
    <div className={noteClasses.root}>
      {(view && state && !readOnly) || withPresence ? (
        <div className={classes.top}>
          {view && state && !readOnly ? (
            <Toolbar view={view} state={state}>
              <TableControls view={view} state={state} />
            </Toolbar>
          ) : null}
          {withPresence ? (
            <div className={classes.presence}>
              <PresenceBar peers={presence.peers} me={me} />
            </div>
          ) : null}
        </div>
      ) : null}
      <div className={noteClasses.scroll}>
        <div ref={mountRef} />
      </div>
    </div>
  )
}
