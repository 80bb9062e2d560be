import { ActionIcon, Alert, Group, Select, Stack, Text, Tooltip } from '@mantine/core'
import { IconUserMinus } from '@tabler/icons-react'
import type { SpaceRole } from '@shared/spaces/SpaceCommon'
import { useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { AddSpaceMember, type GrantableRole } from './AddSpaceMember'
import classes from './SpaceMembers.module.css'

export interface SpaceMembersProps {
  spaceId: string
  /** 'project' or 'circle', in labels ("Remove … from the project"). */
  noun: string
  members: ReadonlyArray<{ deviceId: string; name: string; role: SpaceRole; isMe: boolean }>
  /** The owner, on a document this version may write: may add, change and remove members. */
  manages: boolean
  roleLabels: Record<SpaceRole, string>
  /** Reloads the space after a change, so the list shows what the document now says. */
  refresh: () => Promise<void>
  itemTestId: string
}

/** Who is in a project or circle and with what role; its owner adds a paired colleague's device (spaces.setMember), changes roles and removes. */
export function SpaceMembers({ spaceId, noun, members, manages, roleLabels, refresh, itemTestId }: SpaceMembersProps) {
  const api = useApi()
  const [error, setError] = useState<string | null>(null)
  const grantable = (['editor', 'viewer'] as const).map((value) => ({ value, label: roleLabels[value] }))

  async function setMember(deviceId: string, role: GrantableRole | null): Promise<boolean> {
    setError(null)
    const result = await api.call('spaces.setMember', { spaceId, deviceId, role })
    if (!result.ok) {
      setError(result.error.message)
      return false
    }
    await refresh()
    return true
  }

  return (
    <Stack gap="sm">
      <ul className={classes.list} aria-label="Members">
        {members.map((member) => {
          const name = member.name || 'Unnamed device'
          return (
            <li key={member.deviceId} className={classes.item} data-testid={itemTestId}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" flex={1} className={classes.name}>
                  {name}
                  {member.isMe ? ' (you)' : ''}
                </Text>
                {manages && member.role !== 'owner' ? (
                  <>
                    <Select size="xs" w={120} aria-label={`Role of ${name}`} data={grantable} value={member.role} allowDeselect={false} onChange={(value) => value && void setMember(member.deviceId, value as GrantableRole)} />
                    <Tooltip label={`Remove from ${noun}`}>
                      <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${name} from the ${noun}`} onClick={() => void setMember(member.deviceId, null)}>
                        <IconUserMinus size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </>
                ) : (
                  <Text size="xs" c="dimmed">
                    {roleLabels[member.role]}
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
      {manages && <AddSpaceMember memberIds={new Set(members.map((m) => m.deviceId))} roleLabels={roleLabels} onAdd={setMember} />}
    </Stack>
  )
}
