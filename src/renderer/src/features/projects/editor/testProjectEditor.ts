import { next as A } from '@automerge/automerge'
import { Repo, type DocHandle } from '@automerge/automerge-repo'
import type { DocHandle as PmDocHandle } from '@automerge/prosemirror'
import { projectSchemaVersion, type ProjectDoc } from '@shared/spaces/ProjectDoc'
import type { Command, Plugin } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { createTaskItemView } from '../../notes/editor/taskItemView'
import { createProjectEditorState } from './createProjectEditorState'

export function newProjectDoc(): ProjectDoc {
  return {
    kind: 'project',
    schemaVersion: projectSchemaVersion,
    title: '',
    subject: '',
    grade: '',
    template: 'blank',
    body: '',
    tasks: {},
    resources: {},
    members: {},
    authors: {},
    comments: {},
    createdAt: Date.now(),
    archivedAt: null,
  }
}

export function createProjectHandle(repo = new Repo({ network: [] })): DocHandle<ProjectDoc> {
  return repo.create<ProjectDoc>(newProjectDoc())
}

/** The body's spans, for assertions. */
export function bodySpans(handle: DocHandle<ProjectDoc>): A.Span[] {
  return A.spans(handle.doc() as A.Doc<unknown>, ['body'])
}

/** Block markers of the body as plain objects: type, parents and attrs. */
export function bodyBlocks(handle: DocHandle<ProjectDoc>): Array<{ type: string; parents: string[]; attrs: Record<string, unknown> }> {
  return bodySpans(handle)
    .filter((span) => span.type === 'block')
    .map((span) => {
      const value = span.value as { type: unknown; parents: unknown[]; attrs: Record<string, unknown> }
      return { type: String(value.type), parents: value.parents.map(String), attrs: value.attrs }
    })
}

/** A real EditorView on a real DocHandle, as ProjectEditor builds it, mounted in jsdom. */
export function mountProjectEditor(
  handle: DocHandle<ProjectDoc>,
  options: { onPasteRefused?: (chars: number) => void; plugins?: Plugin[] } = {},
) {
  const mount = document.createElement('div')
  document.body.append(mount)
  const view: EditorView = new EditorView(
    { mount },
    {
      state: createProjectEditorState(handle as unknown as PmDocHandle<ProjectDoc>, {
        onPasteRefused: options.onPasteRefused ?? (() => undefined),
        plugins: options.plugins,
      }),
      nodeViews: { task_item: (node, v, getPos) => createTaskItemView(node, v, getPos) },
    },
  )
  return {
    view,
    run: (command: Command) => command(view.state, view.dispatch),
    type(text: string) {
      const { from, to } = view.state.selection
      const handled = view.someProp('handleTextInput', (f) => f(view, from, to, text, () => view.state.tr.insertText(text, from, to)))
      if (!handled) view.dispatch(view.state.tr.insertText(text, from, to))
    },
    destroy() {
      view.destroy()
      mount.remove()
    },
  }
}
