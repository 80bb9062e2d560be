import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import type { PairedDevice } from '@shared/api/sync'
import { useState } from 'react'
import { DialogModal } from '../../components/DialogModal'
import { ConnectAtAddress } from './ConnectAtAddress'
import { LinkedContact } from './LinkContact'
import { useApi } from '../../platform/PlatformContext'
import { connectionText, formatDateTime, relationText } from './deviceText'
import classes from './DevicesView.module.css'

/** Paired devices, own and colleagues', with how they are connected and a Remove that asks first. */
export function DeviceList({ devices, onChanged }: { devices: PairedDevice[]; onChanged: () => void }) {
  const api = useApi()
  const [removing, setRemoving] = useState<PairedDevice | null>(null)
  const [connecting, setConnecting] = useState<PairedDevice | null>(null)
  const [busy, setBusy] = useState(false)
  const active = devices.filter((d) => d.revokedAt === null)
  const removed = devices.filter((d) => d.revokedAt !== null)

  async function remove(device: PairedDevice) {
    setBusy(true)
    const result = await api.call('sync.revokeDevice', { deviceId: device.deviceId })
    setBusy(false)
    if (result.ok) {
      setRemoving(null)
      onChanged()
    }
  }

  return (
    <section aria-labelledby="paired-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="paired-heading">
          Paired devices
        </Title>
        {active.length === 0 ? (
          <Text size="sm" c="dimmed">
            No devices are paired yet. Invite a colleague or add another of your devices to start syncing.
          </Text>
        ) : (
          <ul className={classes.list} aria-labelledby="paired-heading">
            {active.map((device) => (
              <li key={device.deviceId}>
                <DeviceCard device={device} onRemove={() => setRemoving(device)} onConnect={() => setConnecting(device)} onChanged={onChanged} />
              </li>
            ))}
          </ul>
        )}
        {removed.length > 0 && (
          <>
            <Title order={3} size="h5" id="removed-heading">
              Removed devices
            </Title>
            <ul className={classes.plainList} aria-labelledby="removed-heading">
              {removed.map((device) => (
                <li key={device.deviceId}>
                  <Text size="sm">
                    {device.name} ({relationText(device.relation).toLowerCase()}), {connectionText(device).toLowerCase()}
                  </Text>
                </li>
              ))}
            </ul>
          </>
        )}
      </Stack>
      {connecting ? <ConnectAtAddress device={connecting} opened onClose={() => setConnecting(null)} onConnected={onChanged} /> : null}
      <DialogModal opened={removing !== null} onClose={() => setRemoving(null)} title={`Remove ${removing?.name ?? 'this device'}?`}>
        <Stack>
          <Text size="sm">
            {removing?.relation === 'own'
              ? 'This device stops syncing with it at once and refuses it from now on. Your notes stay on both devices.'
              : 'This device stops syncing with your colleague at once and refuses their device from now on. What they already have stays with them; your later changes do not reach them.'}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)} data-autofocus>
              Cancel
            </Button>
            <Button color="red" loading={busy} onClick={() => removing && void remove(removing)}>
              Remove device
            </Button>
          </Group>
        </Stack>
      </DialogModal>
    </section>
  )
}

function DeviceCard({ device, onRemove, onConnect, onChanged }: { device: PairedDevice; onRemove: () => void; onConnect: () => void; onChanged: () => void }) {
  const headingId = `device-${device.deviceId}`
  return (
    <Card withBorder padding="sm" aria-labelledby={headingId} component="article" data-testid="paired-device">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={4} miw={0}>
          <Group gap="xs">
            <Text fw={600} id={headingId}>
              {device.name}
            </Text>
            <Badge variant="default">
              {relationText(device.relation)}
            </Badge>
            <Badge variant="dot" color={device.online ? 'teal' : 'gray'} data-testid="device-connection">
              {connectionText(device)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed" className={classes.code}>
            Id {device.shownId}
          </Text>
          <Text size="xs" c="dimmed">
            Paired {formatDateTime(device.pairedAt)}
            {device.addresses.length > 0 ? ` · reached at ${device.addresses.join(', ')}` : ''}
          </Text>
          {device.relation === 'contact' ? <LinkedContact device={device} onChanged={onChanged} /> : null}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {device.online ? null : (
            <Button variant="default" size="xs" onClick={onConnect} aria-label={`Connect to ${device.name} at an address`}>
              Connect…
            </Button>
          )}
          <Button variant="default" color="red" size="xs" onClick={onRemove} aria-label={`Remove ${device.name}`}>
            Remove
          </Button>
        </Group>
      </Group>
    </Card>
  )
}

