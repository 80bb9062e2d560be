import { Card, Progress, Stack, Text, Title } from '@mantine/core'
import type { SyncStatusView } from '@shared/api/sync'

/**
 * How this device's copy stands: documents still arriving (a freshly paired device fills up
 * here). The relay's state is on its own card (RelayCard).
 */
export function SyncState({ status }: { status: SyncStatusView }) {
  const { listed, present } = status.workspace
  const receiving = present < listed
  if (!receiving) return null
  return (
    <Card withBorder component="section" aria-labelledby="sync-state-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="sync-state-heading">
          Sync
        </Title>
        <Text size="sm" id="receiving-label">
          Receiving your documents: {present.toLocaleString()} of {listed.toLocaleString()} are on this device.
        </Text>
        <Progress.Root data-testid="receiving-progress">
          <Progress.Section value={listed === 0 ? 0 : Math.round((present / listed) * 100)} aria-labelledby="receiving-label" />
        </Progress.Root>
      </Stack>
    </Card>
  )
}
