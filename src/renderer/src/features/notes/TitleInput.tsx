import type { DocHandle } from '@automerge/automerge-repo'
import { TextInput } from '@mantine/core'
import { limits } from '@shared/limits'
import type { NoteDoc } from '@shared/notes/NoteDoc'
import { useEffect, useRef } from 'react'
import classes from './NoteEditor.module.css'
import { useLiveTitle } from './useLiveTitle'

export function titleTooLongMessage(): string {
  return `A title can be at most ${limits.noteTitleChars} characters; the rest was cut.`
}

/** The note's title, edited as Automerge text so two editors merge instead of overwrite. */
export function TitleInput({ handle }: { handle: DocHandle<NoteDoc> }) {
  const [title, change] = useLiveTitle(handle, limits.noteTitleChars, titleTooLongMessage())
  const input = useRef<HTMLInputElement>(null)

  // A fresh note (no title, no text) is opened to be named: put the caret there.
  useEffect(() => {
    const doc = handle.doc()
    if (doc && doc.title === '' && doc.body.trim() === '') input.current?.focus()
  }, [handle])

  return (
    <TextInput
      ref={input}
      aria-label="Note title"
      placeholder="Untitled note"
      value={title}
      onChange={(event) => change(event.currentTarget.value)}
      variant="unstyled"
      size="xl"
      classNames={{ input: classes.titleInput }}
      data-testid="note-title"
      flex={1}
    />
  )
}
