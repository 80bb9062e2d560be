import { ActionIcon, Alert, Button, Group, Loader, Text, Tooltip } from '@mantine/core'
import { useState } from 'react'
import { IconPin, IconPinFilled, IconTrash } from '@tabler/icons-react'
import type { NoteSummary } from '@shared/api/notes'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBoundary } from '../../components/ErrorBoundary'
import { RichTextEditor } from './editor/RichTextEditor'
import { formatChangedFull } from './formatDate'
import classes from './NoteEditor.module.css'
import { NoteSyncIndicator } from './NoteSyncIndicator'
import { ShareNoteButton } from './ShareNote'
import { TagsEditor } from './TagsEditor'
import { TitleInput } from './TitleInput'
import { displayTitle, useNoteActions } from './useNoteActions'
import { useNoteHandle } from './useNoteHandle'
import { useNotesQuery } from './useNotesQuery'

/** The open note: title, pin, trash, tags and the rich-text body. */
export function NoteEditor({ noteId }: { noteId: string }) {
  const summary = useNotesQuery((api) => api.call('notes.get', { id: noteId }), `note:${noteId}`)
  const actions = useNoteActions()

  if (summary.loading) return <CenteredLoader label="Opening note" />
  const note = summary.data
  if (!note || note.id !== noteId) {
    return (
      <EmptyState title="This note is not here">
        It may have been deleted forever, or, if a colleague just shared it, it opens here once it arrives from their device. Pick another
        note from the list.
      </EmptyState>
    )
  }
  if (note.trashed) {
    return (
      <EmptyState
        title={`“${displayTitle(note.title)}” is in the trash`}
        action={<Button onClick={() => void actions.restore(note.id)}>Restore note</Button>}
      >
        Restore it to read and edit it again.
      </EmptyState>
    )
  }
  return <OpenNote note={note} />
}

function OpenNote({ note }: { note: NoteSummary }) {
  const handleState = useNoteHandle(note.url)
  const { setPinned, trash } = useNoteActions()
  const [sharingVersion, setSharingVersion] = useState(0)

  return (
    <article className={classes.root} aria-label={`Note: ${displayTitle(note.title)}`} data-testid="note-editor">
      <header className={classes.header}>
        <Group wrap="nowrap" gap="xs" align="center">
          {handleState.status === 'ready' ? <TitleInput handle={handleState.handle} /> : <Text size="xl" fw={700} flex={1}>{displayTitle(note.title)}</Text>}
          <ShareNoteButton note={note} onClosed={() => setSharingVersion((v) => v + 1)} />
          <Tooltip label={note.pinned ? 'Unpin note' : 'Pin note'}>
            <ActionIcon
              aria-label="Pin note"
              aria-pressed={note.pinned}
              color={note.pinned ? undefined : 'gray'}
              onClick={() => void setPinned(note.id, !note.pinned)}
            >
              {note.pinned ? <IconPinFilled size={20} aria-hidden /> : <IconPin size={20} aria-hidden />}
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Move to trash">
            <ActionIcon aria-label="Move to trash" onClick={() => void trash(note)}>
              <IconTrash size={20} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Group gap="md" wrap="wrap">
          <Text size="xs" c="dimmed">
            Last changed {formatChangedFull(note.updatedAt)}
          </Text>
          <NoteSyncIndicator noteId={note.id} sharingVersion={sharingVersion} />
        </Group>
        <TagsEditor note={note} />
      </header>
      <ErrorBoundary area="the note body" resetKey={note.id}>
        {handleState.status === 'ready' ? (
          <RichTextEditor handle={handleState.handle} />
        ) : handleState.status === 'error' ? (
          <Alert color="red" m="md" title="Could not open the note" role="alert">
            {handleState.message}
          </Alert>
        ) : (
          <CenteredLoader label="Loading the note’s text" />
        )}
      </ErrorBoundary>
    </article>
  )
}

function CenteredLoader({ label }: { label: string }) {
  return (
    <div className={classes.loader} role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <Text size="sm" c="dimmed">
        {label}…
      </Text>
    </div>
  )
}
