import { Alert, Autocomplete, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core'
import type { FeedRow } from '@shared/api/feeds'
import { useState } from 'react'
import { DialogModal } from '../../components/DialogModal'
import { useApi } from '../../platform/PlatformContext'
import { feedKindOptions } from './FollowFeedForm'
import type { FeedKind } from './feedText'

interface EditFeedModalProps {
  feed: FeedRow | null
  folders: string[]
  onClose: () => void
  onSaved: () => void
}

/** Rename a feed, change its kind or move it to another folder. */
export function EditFeedModal({ feed, folders, onClose, onSaved }: EditFeedModalProps) {
  return (
    <DialogModal opened={feed !== null} onClose={onClose} title="Edit feed">
      {feed && <EditFeedForm key={feed.id} feed={feed} folders={folders} onCancel={onClose} onSaved={onSaved} />}
    </DialogModal>
  )
}

function EditFeedForm({ feed, folders, onCancel, onSaved }: { feed: FeedRow; folders: string[]; onCancel: () => void; onSaved: () => void }) {
  const api = useApi()
  const [title, setTitle] = useState(feed.title)
  const [kind, setKind] = useState<FeedKind>(feed.kind)
  const [folder, setFolder] = useState(feed.folder)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function save() {
    // Only what changed: the shown title may be the feed's own, which the teacher did not choose.
    const patch = {
      ...(title.trim() !== feed.title ? { title: title.trim() } : {}),
      ...(kind !== feed.kind ? { kind } : {}),
      ...(folder.trim() !== feed.folder ? { folder: folder.trim() } : {}),
    }
    if (Object.keys(patch).length === 0) {
      onCancel()
      return
    }
    setBusy(true)
    setError(null)
    const result = await api.call('feeds.update', { id: feed.id, patch })
    setBusy(false)
    if (result.ok) onSaved()
    else setError(result.error.message)
  }

  return (
    <form
      aria-label="Edit feed"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <Stack>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {feed.url}
        </Text>
        <TextInput
          label="Title"
          description="Leave empty to use the feed's own title."
          data-autofocus
          maxLength={300}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
        <NativeSelect label="Kind" data={feedKindOptions} value={kind} onChange={(event) => setKind(event.currentTarget.value as FeedKind)} />
        <Autocomplete label="Folder" data={folders} maxLength={200} value={folder} onChange={setFolder} comboboxProps={{ withinPortal: false }} />
        {error && (
          <Alert color="red" role="alert" title="Not saved">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
