import { TagsInput } from '@mantine/core'
import type { NoteSummary } from '@shared/api/notes'
import { limits } from '@shared/limits'
import { useEffect, useState } from 'react'
import { showErrorToast } from '../../app/errorToasts'
import { useNoteActions } from './useNoteActions'
import { useNotesQuery } from './useNotesQuery'

/** Tags of one note, saved through notes.setTags; suggestions come from all tags in use. */
export function TagsEditor({ note }: { note: NoteSummary }) {
  const { setTags } = useNoteActions()
  const [value, setValue] = useState(note.tags)
  const allTags = useNotesQuery((api) => api.call('notes.tags', {}), 'tags')

  // The index is the truth: take its tags whenever they change.
  useEffect(() => setValue(note.tags), [note.tags])

  async function change(next: string[]) {
    const cleaned = [...new Set(next.map((tag) => tag.trim()).filter(Boolean))]
    if (cleaned.some((tag) => tag.length > limits.tagChars)) {
      showErrorToast('Tag too long', `A tag can be at most ${limits.tagChars} characters.`)
      return
    }
    setValue(cleaned)
    const saved = await setTags(note.id, cleaned)
    if (!saved) setValue(note.tags)
  }

  return (
    <TagsInput
      label="Tags"
      placeholder={value.length ? undefined : 'Add a tag and press Enter'}
      value={value}
      onChange={(next) => void change(next)}
      data={allTags.data?.tags.map((t) => t.tag) ?? []}
      maxTags={limits.tagsPerNote}
      splitChars={[',']}
      data-testid="note-tags"
    />
  )
}
