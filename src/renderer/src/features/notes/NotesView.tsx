import { Button, Group, Title } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { formatRoute, type Route } from '../../app/route'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBoundary } from '../../components/ErrorBoundary'
import { newNoteShortcut } from '../../components/shortcuts'
import { usePlatform } from '../../platform/PlatformContext'
import { NoteEditor } from './NoteEditor'
import { NotesList } from './NotesList'
import classes from './NotesView.module.css'
import { useNoteActions } from './useNoteActions'
import { useNotesQuery } from './useNotesQuery'

type ListSection = 'all' | 'pinned' | 'tag'

function headingFor(route: Route): string {
  if (route.section === 'pinned') return 'Pinned notes'
  if (route.section === 'tag') return `Tagged “${route.tag}”`
  return 'All notes'
}

/** The notes list of a section beside the open note, VS Code style. */
export function NotesView({ route }: { route: Route & { section: ListSection } }) {
  const { createNote } = useNoteActions()
  const filter = route.section === 'pinned' ? 'pinned' : 'active'
  const list = useNotesQuery(
    (api) => api.call('notes.list', { filter, ...(route.section === 'tag' && route.tag ? { tag: route.tag } : {}) }),
    `list:${filter}:${route.tag ?? ''}`,
  )
  const heading = headingFor(route)
  const newNote = newNoteShortcut(usePlatform().shell)

  return (
    <div className={classes.split}>
      <section className={classes.listPane} aria-labelledby="notes-list-heading">
        <Group justify="space-between" className={classes.listHeader} wrap="nowrap">
          <Title order={1} size="h5" id="notes-list-heading">
            {heading}
          </Title>
          <Button size="compact-sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => void createNote()}>
            New note
          </Button>
        </Group>
        <div className={classes.listScroll}>
          <ErrorBoundary area="the notes list" resetKey={route.section + (route.tag ?? '')}>
            {list.data ? (
              <NotesList
                notes={list.data.notes}
                label={heading}
                selectedId={route.noteId}
                hrefFor={(note) => formatRoute({ ...route, noteId: note.id })}
                empty={
                  route.section === 'pinned' ? (
                    <EmptyState title="No pinned notes">Open a note and press its pin button to keep it at hand here.</EmptyState>
                  ) : route.section === 'tag' ? (
                    <EmptyState title="No notes with this tag">Add the tag to a note in the Tags field under its title.</EmptyState>
                  ) : (
                    <EmptyState title="No notes yet">
                      Press {newNote} or choose ‘New note’ to write your first one.
                    </EmptyState>
                  )
                }
              />
            ) : null}
          </ErrorBoundary>
        </div>
      </section>
      <section className={classes.editorPane} aria-label="Open note">
        <ErrorBoundary area="the note editor" resetKey={route.noteId}>
          {route.noteId ? (
            <NoteEditor key={route.noteId} noteId={route.noteId} />
          ) : (
            <EmptyState title="No note open">
              Pick a note from the list, or press {newNote} to start a new one.
            </EmptyState>
          )}
        </ErrorBoundary>
      </section>
    </div>
  )
}
