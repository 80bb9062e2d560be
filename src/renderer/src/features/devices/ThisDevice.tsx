import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core'
import type { SyncStatusView } from '@shared/api/sync'
import { CopyValue } from './CopyValue'

/** This device as others see it: its name, its id to compare, and whether it takes connections now. */
export function ThisDevice({ status }: { status: SyncStatusView }) {
  return (
    <Card withBorder component="section" aria-labelledby="this-device-heading">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="this-device-heading">
            This device: {status.deviceName}
          </Title>
          {status.listening ? (
            <Badge color="teal.9" variant="filled" data-testid="accepting-badge">
              Accepting other devices
            </Badge>
          ) : (
            <Badge variant="default" data-testid="accepting-badge">
              Not accepting other devices
            </Badge>
          )}
        </Group>
        <Text size="sm">Device id, to compare with what the other device shows:</Text>
        <CopyValue label="device id" value={status.deviceId} shown={status.shownId} testId="this-device-id" />
        <Text size="sm" c="dimmed">
          {status.listening
            ? `Paired devices connect on port ${status.listening.port}; invites are answered on port ${status.listening.pairingPort}.`
            : 'Sync is off in this copy of Staffroom: other devices cannot connect to it, and it cannot make invites.'}
        </Text>
      </Stack>
    </Card>
  )
}
