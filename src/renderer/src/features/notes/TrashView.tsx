import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import type { NoteSummary } from '@shared/api/notes'
import { useState } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBoundary } from '../../components/ErrorBoundary'
import { NotesList } from './NotesList'
import classes from './NotesView.module.css'
import { displayTitle, useNoteActions } from './useNoteActions'
import { useNotesQuery } from './useNotesQuery'

type Confirmation = { kind: 'one'; note: NoteSummary } | { kind: 'all'; count: number }

/** Trashed notes with Restore and Delete forever, and Empty trash; deleting asks first. */
export function TrashView() {
  const trash = useNotesQuery((api) => api.call('notes.list', { filter: 'trash' }), 'list:trash')
  const actions = useNoteActions()
  const [opened, { open, close }] = useDisclosure(false)
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null)
  const notes = trash.data?.notes ?? []

  function ask(next: Confirmation) {
    setConfirmation(next)
    open()
  }

  async function confirm() {
    close()
    if (confirmation?.kind === 'one') await actions.deleteForever(confirmation.note.id)
    if (confirmation?.kind === 'all') await actions.emptyTrash()
  }

  return (
    <section className={classes.trash} aria-labelledby="trash-heading">
      <Group justify="space-between" className={classes.listHeader}>
        <Title order={1} size="h5" id="trash-heading">
          Trash
        </Title>
        <Button color="red" variant="light" size="compact-sm" disabled={notes.length === 0} onClick={() => ask({ kind: 'all', count: notes.length })}>
          Empty trash
        </Button>
      </Group>
      <div className={classes.listScroll}>
        <ErrorBoundary area="the trash">
          {trash.data ? (
            <NotesList
              notes={notes}
              label="Notes in the trash"
              empty={<EmptyState title="The trash is empty">Notes you move to the trash wait here until you delete them forever.</EmptyState>}
              renderActions={(note) => (
                <>
                  <Button size="compact-xs" variant="light" onClick={() => void actions.restore(note.id)} aria-label={`Restore “${displayTitle(note.title)}”`}>
                    Restore
                  </Button>
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => ask({ kind: 'one', note })} aria-label={`Delete “${displayTitle(note.title)}” forever`}>
                    Delete forever
                  </Button>
                </>
              )}
            />
          ) : null}
        </ErrorBoundary>
      </div>
      <Modal opened={opened} onClose={close} title={confirmation?.kind === 'all' ? 'Empty the trash?' : 'Delete this note forever?'} centered>
        <Stack>
          <Text size="sm">
            {confirmation?.kind === 'all'
              ? `All ${confirmation.count} note${confirmation.count === 1 ? '' : 's'} in the trash will be deleted forever. This cannot be undone.`
              : confirmation?.kind === 'one'
                ? `“${displayTitle(confirmation.note.title)}” will be deleted forever. This cannot be undone.`
                : null}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button color="red" onClick={() => void confirm()}>
              Delete forever
            </Button>
          </Group>
        </Stack>
      </Modal>
    </section>
  )
}
