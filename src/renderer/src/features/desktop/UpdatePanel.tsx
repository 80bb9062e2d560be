import { Alert, Button, Group, Loader, Progress, Stack, Text } from '@mantine/core'
import type { UpdateStatus } from '@shared/api/desktop'
import { IconDownload, IconRefresh } from '@tabler/icons-react'
import { useState } from 'react'
import { formatDateTime } from '../devices/deviceText'
import { ReleaseNotes } from './ReleaseNotes'
import { RestartModal } from './RestartModal'
import type { UpdateActions } from './useUpdateStatus'

/** Where the app is with an update, and the one next step the teacher can take from there. */
export function UpdatePanel({ updates }: { updates: UpdateActions }) {
  const { status, busy } = updates
  return (
    <Stack gap="sm" data-testid="update-status" data-state={status?.state ?? 'loading'}>
      <StatusDetails status={status} updates={updates} />
      <Group>
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} aria-hidden />}
          onClick={() => void updates.check()}
          loading={busy === 'check' || status?.state === 'checking'}
          disabled={busy !== null || status?.state === 'downloading'}
        >
          Check for updates now
        </Button>
      </Group>
    </Stack>
  )
}

function StatusDetails({ status, updates }: { status: UpdateStatus | null; updates: UpdateActions }) {
  switch (status?.state) {
    case undefined:
    case 'idle':
      return null
    case 'checking':
      return (
        <Group gap="xs" role="status">
          <Loader size="xs" aria-hidden />
          <Text size="sm">Checking for updates…</Text>
        </Group>
      )
    case 'up-to-date':
      return (
        <Text size="sm" role="status">
          Staffroom {status.version} is up to date (checked {formatDateTime(status.checkedAt)}).
        </Text>
      )
    case 'available':
      return (
        <Stack gap="xs">
          <Text size="sm" fw={600} role="status">
            Version {status.version} is available{status.releaseName && status.releaseName !== status.version ? `: ${status.releaseName}` : ''}.
          </Text>
          <ReleaseNotes version={status.version} notes={status.releaseNotes} />
          <Group>
            <Button leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void updates.download()} loading={updates.busy === 'download'} disabled={updates.busy !== null && updates.busy !== 'download'}>
              Download version {status.version}
            </Button>
          </Group>
        </Stack>
      )
    case 'downloading': {
      const percent = Math.max(0, Math.min(100, Math.round(status.percent)))
      return (
        <Stack gap="xs">
          <Text size="sm" role="status">
            Downloading version {status.version}: {percent}%
          </Text>
          <Progress value={percent} aria-label={`Downloading version ${status.version}`} />
          <ReleaseNotes version={status.version} notes={status.releaseNotes} />
        </Stack>
      )
    }
    case 'downloaded':
      return <Downloaded version={status.version} notes={status.releaseNotes} updates={updates} />
    case 'error':
      return (
        <Alert color="red" title="The update did not work" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{status.message}</Text>
            <Button size="compact-sm" variant="default" onClick={() => void updates.check()} loading={updates.busy === 'check'}>
              Try again
            </Button>
          </Stack>
        </Alert>
      )
    case 'unsupported':
      // DesktopCard shows the reason instead of this panel.
      return null
  }
}

function Downloaded({ version, notes, updates }: { version: string; notes: string; updates: UpdateActions }) {
  const [confirming, setConfirming] = useState(false)
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600} role="status">
        Version {version} is downloaded and ready to install.
      </Text>
      <ReleaseNotes version={version} notes={notes} />
      <Group>
        <Button onClick={() => setConfirming(true)}>Restart and install</Button>
      </Group>
      <RestartModal
        version={version}
        opened={confirming}
        restarting={updates.busy === 'restart'}
        onClose={() => setConfirming(false)}
        onConfirm={() => void updates.restartAndInstall()}
      />
    </Stack>
  )
}
