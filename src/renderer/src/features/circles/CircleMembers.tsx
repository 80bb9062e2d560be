import { ActionIcon, Alert, Group, Select, Stack, Text, Tooltip } from '@mantine/core'
import { IconUserMinus } from '@tabler/icons-react'
import { useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { AddSpaceMember } from '../spaces/AddSpaceMember'
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
      {manages && <AddSpaceMember memberIds={new Set(circle.members.map((m) => m.deviceId))} roleLabels={circleRoleLabels} onAdd={setMember} />}
    </Stack>
  )
}
