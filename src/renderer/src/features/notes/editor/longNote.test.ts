import * as A from '@automerge/automerge'
import { pmDocFromSpans } from '@automerge/prosemirror'
import { splitBlock } from 'prosemirror-commands'
import type { Node as PmNode } from 'prosemirror-model'
import { afterEach, expect, it, vi } from 'vitest'
import { noteSchemaAdapter } from './schema'
import { createNoteHandle, mountEditor } from './testEditor'

afterEach(() => vi.restoreAllMocks())

function withoutBlockFlags(node: PmNode): unknown {
  return JSON.parse(JSON.stringify(node.toJSON()), (key, value: unknown) => (key === 'isAmgBlock' ? undefined : value))
}

it('a long note keeps taking paragraphs and stays equal to its document (the library’s sync check throws past ~10,000 positions)', () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  const handle = createNoteHandle()
  const editor = mountEditor(handle)
  for (let i = 0; i < 220; i++) {
    editor.type(`Paragraph ${i}: what the class did and why, in a sentence.`)
    editor.run(splitBlock)
  }
  expect(editor.view.state.doc.childCount).toBe(221)
  const stored = pmDocFromSpans(noteSchemaAdapter, A.spans(handle.doc(), ['body']))
  expect(withoutBlockFlags(stored)).toEqual(withoutBlockFlags(editor.view.state.doc))
  editor.view.destroy()
}, 60_000)
