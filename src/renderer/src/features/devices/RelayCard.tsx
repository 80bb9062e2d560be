import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import type { SyncStatusView } from '@shared/api/sync'
import { useState } from 'react'
import { useApi } from '../../platform/PlatformContext'

type RelayView = SyncStatusView['relay']

/**
 * The profile's relay: its address (set, changed or removed here, the core's refusal inline) and
 * how the link to it stands. Only notes marked in their Share dialog go through it.
 */
export function RelayCard({ relay, onChanged }: { relay: RelayView; onChanged: () => void }) {
  const api = useApi()
  // null: not being edited, so the field follows the saved address.
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<'save' | 'remove' | null>(null)
  const value = draft ?? relay.url ?? ''

  async function save(url: string | null) {
    if (url !== null && !url.trim()) {
      setError('Type the relay address, for example wss://relay.example.org.')
      return
    }
    setBusy(url === null ? 'remove' : 'save')
    setError(null)
    const result = await api.call('sync.setRelay', { url: url === null ? null : url.trim() })
    setBusy(null)
    if (!result.ok) {
      setError(result.error.message)
      return
    }
    setDraft(null)
    onChanged()
  }

  return (
    <Card withBorder component="section" aria-labelledby="relay-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="relay-heading">
          Relay
        </Title>
        <Text size="sm">
          A relay passes shared notes between devices that cannot reach each other directly; only the notes you mark in their Share dialog go
          through it, never your personal notes or workspace.
        </Text>
        <form
          aria-labelledby="relay-heading"
          onSubmit={(event) => {
            event.preventDefault()
            void save(value)
          }}
        >
          <Stack gap="sm">
            <TextInput
              label="Relay address"
              description="A wss:// address (ws:// only on a network you trust), from whoever runs the relay."
              placeholder="wss://relay.example.org"
              value={value}
              onChange={(event) => {
                setDraft(event.currentTarget.value)
                setError(null)
              }}
              error={error}
              maxLength={500}
              spellCheck={false}
              autoComplete="off"
            />
            <Group>
              <Button type="submit" loading={busy === 'save'} disabled={busy !== null && busy !== 'save'}>
                Save relay
              </Button>
              {relay.url !== null && (
                <Button variant="default" color="red" loading={busy === 'remove'} disabled={busy === 'save'} onClick={() => void save(null)}>
                  Remove relay
                </Button>
              )}
            </Group>
          </Stack>
        </form>
        {relay.url !== null ? (
          <Text size="sm" data-testid="relay-state" role="status">
            Relay {relay.url}: {relayStateText[relay.state]}
            {relay.relayed > 0 ? `, carrying ${relay.relayed} shared document${relay.relayed === 1 ? '' : 's'}` : ''}
            {relay.state !== 'connected' && relay.lastError ? ` (last problem: ${relay.lastError})` : ''}.
          </Text>
        ) : (
          <Text size="sm" c="dimmed" data-testid="relay-state">
            No relay is set: notes sync only directly between devices that can reach each other.
          </Text>
        )}
      </Stack>
    </Card>
  )
}

const relayStateText: Record<RelayView['state'], string> = {
  connecting: 'connecting',
  connected: 'connected',
  offline: 'not reachable, trying again',
}
