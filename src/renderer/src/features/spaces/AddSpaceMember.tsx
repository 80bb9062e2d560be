import { Button, Group, Select, Stack, Text } from '@mantine/core'
import type { SpaceRole } from '@shared/spaces/SpaceCommon'
import { useState } from 'react'
import { useSyncStatus } from '../devices/useSyncStatus'

export type GrantableRole = Exclude<SpaceRole, 'owner'>

export interface AddSpaceMemberProps {
  /** Devices already in the space, left out of the choice. */
  memberIds: ReadonlySet<string>
  /** How each grantable role reads in this kind of space. */
  roleLabels: Record<GrantableRole, string>
  /** Adds the device (spaces.setMember); resolves false when the core refused, which the caller shows. */
  onAdd: (deviceId: string, role: GrantableRole) => Promise<boolean>
}

/** The owner's form to add a paired colleague's device to a project or circle, with a role. */
export function AddSpaceMember({ memberIds, roleLabels, onAdd }: AddSpaceMemberProps) {
  const { status } = useSyncStatus()
  const [deviceId, setDeviceId] = useState<string | null>(null)
  const [role, setRole] = useState<GrantableRole>('editor')
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
      <Stack gap="xs">
        <Group gap="xs" grow align="flex-end">
          <Select
            label="Colleague’s device"
            size="xs"
            placeholder={status ? 'Pick a paired device' : 'Loading devices…'}
            data={colleagues.map((d) => ({ value: d.deviceId, label: `${d.name} (${d.shownId.slice(0, 9)})` }))}
            value={deviceId}
            onChange={setDeviceId}
          />
          <Select
            label="Role"
            size="xs"
            data={(['editor', 'viewer'] as const).map((value) => ({ value, label: roleLabels[value] }))}
            value={role}
            allowDeselect={false}
            onChange={(value) => value && setRole(value as GrantableRole)}
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={busy} disabled={!deviceId}>
            Add member
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
