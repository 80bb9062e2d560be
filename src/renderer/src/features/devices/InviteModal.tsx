import { Button, Group, MultiSelect, SegmentedControl, Select, Stack, Text } from '@mantine/core'
import type { InviteView } from '@shared/api/sync'
import { useState } from 'react'
import { DialogModal } from '../../components/DialogModal'
import { useApi } from '../../platform/PlatformContext'
import { useNotesQuery } from '../notes/useNotesQuery'
import { displayTitle } from '../notes/useNoteActions'
import { InviteResult } from './InviteResult'

export type InviteKind = 'own' | 'contact'

const validity = [
  { value: '60', label: '1 hour' },
  { value: '1440', label: '1 day' },
  { value: '10080', label: '1 week' },
]

/** Makes an invite for a colleague (with the notes they get) or for another of the teacher's devices. */
export function InviteModal({ kind, onClose }: { kind: InviteKind | null; onClose: () => void }) {
  return (
    <DialogModal opened={kind !== null} onClose={onClose} title={kind === 'own' ? 'Add another of my devices' : 'Invite a colleague'} size="lg">
      {kind !== null && <InviteForm key={kind} kind={kind} onClose={onClose} />}
    </DialogModal>
  )
}

function InviteForm({ kind, onClose }: { kind: InviteKind; onClose: () => void }) {
  const api = useApi()
  const notes = useNotesQuery((client) => client.call('notes.list', { filter: 'active', limit: 1000 }), 'invite-notes')
  const [noteIds, setNoteIds] = useState<string[]>([])
  const [role, setRole] = useState<'editor' | 'viewer'>('editor')
  const [minutes, setMinutes] = useState('1440')
  const [invite, setInvite] = useState<InviteView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function create() {
    setBusy(true)
    setError(null)
    const result = await api.call('sync.createInvite', {
      relation: kind,
      noteIds: kind === 'contact' ? noteIds : [],
      role,
      validForMinutes: Number(minutes),
    })
    setBusy(false)
    if (result.ok) setInvite(result.value)
    else setError(result.error.message)
  }

  if (invite) {
    return (
      <Stack>
        <InviteResult invite={invite} />
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    )
  }

  const options = (notes.data?.notes ?? []).map((note) => ({ value: note.id, label: displayTitle(note.title) }))
  return (
    <form
      aria-label={kind === 'own' ? 'Add another of my devices' : 'Invite a colleague'}
      onSubmit={(event) => {
        event.preventDefault()
        void create()
      }}
    >
      <Stack>
        {kind === 'own' ? (
          <Text size="sm">
            The invite pairs a second computer of yours with this one: it gets all your notes and your network, and both stay in step whenever
            they can reach each other.
          </Text>
        ) : (
          <>
            <Text size="sm">Your colleague gets only the notes you pick, and you can share more (or stop sharing) later from each note.</Text>
            <MultiSelect
              label="Notes to share"
              placeholder={options.length === 0 ? 'No notes yet' : 'Type to find notes'}
              data={options}
              value={noteIds}
              onChange={setNoteIds}
              searchable
              clearable
              nothingFoundMessage="No note with that title"
              maxValues={100}
            />
            <div>
              <Text size="sm" fw={500} id="invite-role-label" mb={4}>
                Your colleague can
              </Text>
              <SegmentedControl
                aria-labelledby="invite-role-label"
                value={role}
                onChange={(value) => setRole(value === 'viewer' ? 'viewer' : 'editor')}
                data={[
                  { value: 'editor', label: 'Edit' },
                  { value: 'viewer', label: 'Only read' },
                ]}
              />
            </div>
          </>
        )}
        <Select label="Invite is valid for" data={validity} value={minutes} onChange={(value) => value && setMinutes(value)} allowDeselect={false} />
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Create invite
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
