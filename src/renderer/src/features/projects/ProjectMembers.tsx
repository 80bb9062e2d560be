import { ActionIcon, Alert, Group, Select, Stack, Text, Tooltip } from '@mantine/core'
import { IconUserMinus } from '@tabler/icons-react'
import type { SpaceRole } from '@shared/spaces/SpaceCommon'
import { useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { AddSpaceMember } from '../spaces/AddSpaceMember'
import { roleLabels } from '../spaces/spaceText'
import type { ProjectPanelProps } from './projectPanel'
import classes from './ProjectView.module.css'

const grantable = [
  { value: 'editor', label: roleLabels.editor },
  { value: 'viewer', label: roleLabels.viewer },
]

/** Who is in the project and with what role; the owner adds a paired colleague's device, changes roles and removes. */
export function ProjectMembers({ project, onChanged }: Omit<ProjectPanelProps, 'readOnly'>) {
  const api = useApi()
  const isOwner = project.myRole === 'owner' && project.readOnlyReason === null
  const [error, setError] = useState<string | null>(null)

  async function setMember(deviceId: string, role: Exclude<SpaceRole, 'owner'> | null): Promise<boolean> {
    setError(null)
    const result = await api.call('spaces.setMember', { spaceId: project.id, deviceId, role })
    if (!result.ok) {
      setError(result.error.message)
      return false
    }
    const fresh = await api.call('projects.get', { projectId: project.id })
    if (fresh.ok) onChanged(fresh.value.project)
    return true
  }

  return (
    <Stack gap="sm">
      <ul className={classes.panelList} aria-label="Members">
        {project.members.map((member) => (
          <li key={member.deviceId} className={classes.panelItem} data-testid="project-member">
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" flex={1} className={classes.wrap}>
                {member.name || 'Unnamed device'}
                {member.isMe ? ' (you)' : ''}
              </Text>
              {isOwner && member.role !== 'owner' ? (
                <>
                  <Select
                    size="xs"
                    w={120}
                    aria-label={`Role of ${member.name}`}
                    data={grantable}
                    value={member.role}
                    allowDeselect={false}
                    onChange={(value) => value && void setMember(member.deviceId, value as 'editor' | 'viewer')}
                  />
                  <Tooltip label="Remove from project">
                    <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${member.name} from the project`} onClick={() => void setMember(member.deviceId, null)}>
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
        ))}
      </ul>
      {error && (
        <Alert color="red" role="alert" p="xs">
          {error}
        </Alert>
      )}
      {isOwner && <AddSpaceMember memberIds={new Set(project.members.map((m) => m.deviceId))} roleLabels={roleLabels} onAdd={setMember} />}
    </Stack>
  )
}
