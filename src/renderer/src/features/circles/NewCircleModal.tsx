import { Alert, Button, Group, Stack, Textarea, TextInput } from '@mantine/core'
import { circleLimits } from '@shared/api/circles'
import { useState } from 'react'
import { DialogModal } from '../../components/DialogModal'
import { useApi } from '../../platform/PlatformContext'

interface NewCircleModalProps {
  opened: boolean
  onClose: () => void
  /** The circle was made; the caller opens it. */
  onCreated: (circleId: string) => void
}

/** A new circle for a community: its name and what it is for. This device becomes its owner. */
export function NewCircleModal({ opened, onClose, onCreated }: NewCircleModalProps) {
  return (
    <DialogModal opened={opened} onClose={onClose} title="New circle">
      {opened && <NewCircleForm onCreated={onCreated} onCancel={onClose} />}
    </DialogModal>
  )
}

function NewCircleForm({ onCreated, onCancel }: { onCreated: (circleId: string) => void; onCancel: () => void }) {
  const api = useApi()
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function create() {
    if (!name.trim()) {
      setError('Give the circle a name.')
      return
    }
    setBusy(true)
    setError(null)
    const result = await api.call('circles.create', { name, description })
    setBusy(false)
    if (result.ok) onCreated(result.value.circle.id)
    else setError(result.error.message)
  }

  return (
    <form
      aria-label="New circle"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void create()
      }}
    >
      <Stack>
        <TextInput label="Name" required data-autofocus maxLength={circleLimits.nameChars} value={name} onChange={(event) => setName(event.currentTarget.value)} placeholder="KS2 science teachers" />
        <Textarea
          label="What it is for"
          autosize
          minRows={2}
          maxLength={circleLimits.descriptionChars}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          placeholder="Share practicals that work, meet once a term."
        />
        {error && (
          <Alert color="red" role="alert" title="The circle was not made">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Create circle
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
