import { Alert, Autocomplete, Button, NativeSelect, Stack, TextInput, Title } from '@mantine/core'
import type { FeedRow } from '@shared/api/feeds'
import { feedKinds } from '@shared/network/records'
import { IconRss } from '@tabler/icons-react'
import { useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { RecordPicker } from '../network/RecordPicker'
import { feedKindLabels, type FeedKind } from './feedText'

export const feedKindOptions = feedKinds.map((kind) => ({ value: kind, label: feedKindLabels[kind] }))

/** "example.org/feed" means https://example.org/feed; an address with a scheme is sent as typed. */
export function feedAddress(input: string): string {
  const trimmed = input.trim()
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`
}

interface FollowFeedFormProps {
  folders: string[]
  onFollowed: (feed: FeedRow) => void
}

/** Follow a feed by its address; the core refuses one already followed or not a web address, and says why here. */
export function FollowFeedForm({ folders, onFollowed }: FollowFeedFormProps) {
  const api = useApi()
  const [url, setUrl] = useState('')
  const [kind, setKind] = useState<FeedKind>('blog')
  const [folder, setFolder] = useState('')
  const [contactIds, setContactIds] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function follow() {
    if (!url.trim()) {
      setError('Type the address of the feed, e.g. https://example.org/feed.xml.')
      return
    }
    setBusy(true)
    setError(null)
    const result = await api.call('feeds.add', { url: feedAddress(url), kind, folder: folder.trim(), contactId: contactIds[0] ?? null })
    setBusy(false)
    if (!result.ok) {
      setError(result.error.message)
      return
    }
    setUrl('')
    setContactIds([])
    onFollowed(result.value.feed)
  }

  return (
    <form
      aria-labelledby="follow-feed-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void follow()
      }}
    >
      <Stack gap="xs">
        <Title order={2} size="h5" id="follow-feed-heading">
          Follow a feed
        </Title>
        <TextInput
          label="Feed address"
          required
          type="url"
          inputMode="url"
          placeholder="https://example.org/feed.xml"
          value={url}
          error={error !== null}
          onChange={(event) => setUrl(event.currentTarget.value)}
        />
        <NativeSelect label="Kind" data={feedKindOptions} value={kind} onChange={(event) => setKind(event.currentTarget.value as FeedKind)} />
        <Autocomplete label="Folder" placeholder="Research" data={folders} value={folder} onChange={setFolder} comboboxProps={{ withinPortal: false }} />
        <RecordPicker kind="contacts" label="Written by (a contact)" placeholder="Search contacts" maxValues={1} value={contactIds} onChange={setContactIds} />
        {error && (
          <Alert color="red" role="alert" title="Not followed">
            {error}
          </Alert>
        )}
        <Button type="submit" loading={busy} leftSection={<IconRss size={16} aria-hidden />}>
          Follow
        </Button>
      </Stack>
    </form>
  )
}
