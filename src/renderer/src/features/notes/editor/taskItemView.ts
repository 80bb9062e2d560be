import type { Node as PmNode } from 'prosemirror-model'
import type { EditorView, NodeView } from 'prosemirror-view'

/** A checklist item: a real checkbox (outside the editable content) and the item's text. */
export function createTaskItemView(initial: PmNode, view: EditorView, getPos: () => number | undefined): NodeView {
  let node = initial
  const dom = document.createElement('li')
  dom.setAttribute('data-task-item', '')
  const box = document.createElement('span')
  box.contentEditable = 'false'
  box.setAttribute('data-task-checkbox', '')
  const checkbox = document.createElement('input')
  checkbox.type = 'checkbox'
  checkbox.setAttribute('aria-label', 'Done')
  box.append(checkbox)
  const contentDOM = document.createElement('div')
  contentDOM.setAttribute('data-task-content', '')
  dom.append(box, contentDOM)

  function render() {
    const checked = node.attrs.checked === true
    checkbox.checked = checked
    checkbox.disabled = !view.editable
    dom.setAttribute('data-checked', String(checked))
  }
  render()

  checkbox.addEventListener('change', () => {
    const pos = getPos()
    if (pos === undefined) return
    // setNodeMarkup makes a ReplaceAroundStep, which the Automerge sync plugin understands.
    view.dispatch(view.state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, checked: checkbox.checked }))
  })

  return {
    dom,
    contentDOM,
    update(next) {
      if (next.type !== node.type) return false
      node = next
      render()
      return true
    },
    stopEvent: (event) => event.target === checkbox,
    ignoreMutation: (mutation) => box.contains(mutation.target as globalThis.Node),
  }
}
