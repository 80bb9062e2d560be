import { ActionIcon, Alert, Button, Group, Select, Stack, Text, Tooltip } from '@mantine/core'
import { IconUserMinus } from '@tabler/icons-react'
import { useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { useSyncStatus } from '../devices/useSyncStatus'
import type { CirclePanelProps } from './circlePanel'
import { circleRoleLabels } from './circleText'
import classes from './CircleView.module.css'

type Grantable = 'editor' | 'viewer'
const grantable = [
  { value: 'editor', label: circleRoleLabels.editor },
  { value: 'viewer', label: circleRoleLabels.viewer },
]

/** Who is in the circle; its owner adds a paired colleague's device (spaces.setMember), changes roles and removes. */
export function CircleMembers({ circle, canWrite, onChanged }: CirclePanelProps) {
  const api = useApi()
  const manages = canWrite && circle.myRole === 'owner'
  const [error, setError] = useState<string | null>(null)

  async function setMember(deviceId: string, role: Grantable | null): Promise<boolean> {
    setError(null)
    const result = await api.call('spaces.setMember', { spaceId: circle.id, deviceId, role })
    if (!result.ok) {
      setError(result.error.message)
      return false
    }
    const fresh = await api.call('circles.get', { circleId: circle.id })
    if (fresh.ok) onChanged(fresh.value.circle)
    return true
  }

  return (
    <Stack gap="sm">
      <ul className={classes.list} aria-label="Members">
        {circle.members.map((member) => {
          const name = member.name || 'Unnamed device'
          return (
            <li key={member.deviceId} data-testid="circle-member">
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" flex={1} className={classes.text}>
                  {name}
                  {member.isMe ? ' (you)' : ''}
                </Text>
                {manages && member.role !== 'owner' ? (
                  <>
                    <Select size="xs" w={120} aria-label={`Role of ${name}`} data={grantable} value={member.role} allowDeselect={false} onChange={(value) => value && void setMember(member.deviceId, value as Grantable)} />
                    <Tooltip label="Remove from circle">
                      <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${name} from the circle`} onClick={() => void setMember(member.deviceId, null)}>
                        <IconUserMinus size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </>
                ) : (
                  <Text size="xs" c="dimmed">
                    {circleRoleLabels[member.role]}
                  </Text>
                )}
              </Group>
            </li>
          )
        })}
      </ul>
      {error && (
        <Alert color="red" role="alert" p="xs">
          {error}
        </Alert>
      )}
      {manages && <AddMember memberIds={new Set(circle.members.map((m) => m.deviceId))} onAdd={setMember} />}
    </Stack>
  )
}

function AddMember({ memberIds, onAdd }: { memberIds: Set<string>; onAdd: (deviceId: string, role: Grantable) => Promise<boolean> }) {
  const { status } = useSyncStatus()
  const [deviceId, setDeviceId] = useState<string | null>(null)
  const [role, setRole] = useState<Grantable>('editor')
  const [busy, setBusy] = useState(false)
  const colleagues = (status?.devices ?? []).filter((d) => d.relation === 'contact' && d.revokedAt === null && !memberIds.has(d.deviceId))

  if (status && colleagues.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        To add a colleague, pair with their device first: invite them from Devices and sharing.
      </Text>
    )
  }
  return (
    <form
      aria-label="Add a member"
      onSubmit={(event) => {
        event.preventDefault()
        if (!deviceId) return
        setBusy(true)
        void onAdd(deviceId, role).then((added) => {
          setBusy(false)
          if (added) setDeviceId(null)
        })
      }}
    >
      <Group gap="xs" align="flex-end">
        <Select
          label="Colleague’s device"
          size="xs"
          w={260}
          placeholder={status ? 'Pick a paired device' : 'Loading devices…'}
          data={colleagues.map((d) => ({ value: d.deviceId, label: `${d.name} (${d.shownId.slice(0, 9)})` }))}
          value={deviceId}
          onChange={setDeviceId}
        />
        <Select label="Role" size="xs" w={120} data={grantable} value={role} allowDeselect={false} onChange={(value) => value && setRole(value as Grantable)} />
        <Button type="submit" size="xs" loading={busy} disabled={!deviceId}>
          Add member
        </Button>
      </Group>
    </form>
  )
}
