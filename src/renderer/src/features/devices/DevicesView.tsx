import { Alert, Button, Card, Center, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { IconDeviceLaptop, IconUserPlus } from '@tabler/icons-react'
import type { SyncStatusView } from '@shared/api/sync'
import { useState } from 'react'
import { usePlatform } from '../../platform/PlatformContext'
import { DesktopCard } from '../desktop/DesktopCard'
import { AcceptInvite } from './AcceptInvite'
import { DeviceList } from './DeviceList'
import { formatDateTime } from './deviceText'
import classes from './DevicesView.module.css'
import { InviteModal, type InviteKind } from './InviteModal'
import { RelayCard } from './RelayCard'
import { SyncState } from './SyncState'
import { ThisDevice } from './ThisDevice'
import { useSyncStatus } from './useSyncStatus'

/** This device, invites both ways, the paired devices, any trouble with connections, and (desktop app only) its settings. */
export function DevicesView() {
  const { status, loading, refresh } = useSyncStatus()
  const [inviting, setInviting] = useState<InviteKind | null>(null)
  const { shell } = usePlatform()

  return (
    <div className={classes.view}>
      <Stack gap="lg" p="md" maw={900}>
        <Title order={1} size="h3">
          Devices and sharing
        </Title>
        {loading ? (
          <Center role="status" aria-live="polite">
            <Loader size="sm" aria-hidden />
            <Text size="sm" ml="xs">
              Loading devices…
            </Text>
          </Center>
        ) : !status ? (
          <Alert color="red" title="Devices could not be loaded" role="alert">
            Staffroom could not say which devices are paired. It tries again every few seconds.
          </Alert>
        ) : (
          <>
            <ThisDevice status={status} />
            <SyncState status={status} />
            <InviteCard listening={status.listening !== null} onInvite={setInviting} />
            <AcceptInvite onAccepted={refresh} />
            <DeviceList devices={status.devices} onChanged={refresh} />
            <RelayCard relay={status.relay} onChanged={refresh} />
            <ConnectionProblems status={status} />
          </>
        )}
        {/* Not inside the loaded branch: the app menu's Settings leads here even while sync status loads. */}
        {shell === 'electron' && <DesktopCard />}
      </Stack>
      <InviteModal
        kind={inviting}
        onClose={() => {
          setInviting(null)
          refresh()
        }}
      />
    </div>
  )
}

function InviteCard({ listening, onInvite }: { listening: boolean; onInvite: (kind: InviteKind) => void }) {
  return (
    <Card withBorder component="section" aria-labelledby="invite-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="invite-heading">
          Invite
        </Title>
        {listening ? (
          <>
            <Text size="sm">
              Share notes with a colleague, or keep another of your computers in step with this one. Each invite works once and expires.
            </Text>
            <Group>
              <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => onInvite('contact')}>
                Invite a colleague
              </Button>
              <Button variant="default" leftSection={<IconDeviceLaptop size={18} aria-hidden />} onClick={() => onInvite('own')}>
                Add another of my devices
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm" data-testid="not-accepting">
            This device is not accepting other devices (sync is off), so an invite made here could not be answered. Start Staffroom with sync on
            to invite a colleague or another device.
          </Text>
        )}
      </Stack>
    </Card>
  )
}

/** Shown only when something went wrong: devices that were refused or cut off. */
function ConnectionProblems({ status }: { status: SyncStatusView }) {
  if (status.refusedHandshakes === 0 && status.cutOff.length === 0) return null
  const names = new Map(status.devices.map((d) => [d.deviceId, d.name]))
  return (
    <Alert color="yellow" title="Connection problems" component="section" aria-label="Connection problems">
      <Stack gap={6}>
        {status.refusedHandshakes > 0 && (
          <Text size="sm" data-testid="refused-count">
            {status.refusedHandshakes === 1
              ? 'One connection was refused: a device that is not paired (or was removed) tried to connect.'
              : `${status.refusedHandshakes} connections were refused: devices that are not paired (or were removed) tried to connect.`}
          </Text>
        )}
        {status.cutOff.length > 0 && (
          <ul className={classes.plainList} aria-label="Devices cut off">
            {status.cutOff.map((peer) => (
              <li key={`${peer.deviceId}-${peer.at}`}>
                <Text size="sm">
                  {names.get(peer.deviceId) ?? `Device ${peer.deviceId.slice(0, 8)}…`} was cut off {formatDateTime(peer.at)}: {peer.reason}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </Alert>
  )
}
