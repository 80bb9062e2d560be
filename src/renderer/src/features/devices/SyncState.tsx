import { Card, Progress, Stack, Text, Title } from '@mantine/core'
import type { SyncStatusView } from '@shared/api/sync'

/**
 * How this device's copy stands: documents still arriving (a freshly paired device fills up
 * here) and the relay, when the profile has one.
 */
export function SyncState({ status }: { status: SyncStatusView }) {
  const { listed, present } = status.workspace
  const receiving = present < listed
  const relay = status.relay
  if (!receiving && relay.url === null) return null
  return (
    <Card withBorder component="section" aria-labelledby="sync-state-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="sync-state-heading">
          Sync
        </Title>
        {receiving ? (
          <>
            <Text size="sm" id="receiving-label">
              Receiving your documents: {present.toLocaleString()} of {listed.toLocaleString()} are on this device.
            </Text>
            <Progress.Root data-testid="receiving-progress">
              <Progress.Section value={listed === 0 ? 0 : Math.round((present / listed) * 100)} aria-labelledby="receiving-label" />
            </Progress.Root>
          </>
        ) : null}
        {relay.url !== null ? (
          <Text size="sm" data-testid="relay-state">
            Relay {relay.url}: {relayStateText[relay.state]}
            {relay.relayed > 0 ? `, carrying ${relay.relayed} shared document${relay.relayed === 1 ? '' : 's'}` : ''}
            {relay.state !== 'connected' && relay.lastError ? ` (last problem: ${relay.lastError})` : ''}.
          </Text>
        ) : null}
      </Stack>
    </Card>
  )
}

const relayStateText: Record<SyncStatusView['relay']['state'], string> = {
  connecting: 'connecting',
  connected: 'connected',
  offline: 'not reachable, trying again',
}
