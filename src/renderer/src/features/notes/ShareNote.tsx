import { Anchor, Button, Group, Loader, SegmentedControl, Stack, Switch, Text } from '@mantine/core'
import { IconShare } from '@tabler/icons-react'
import type { NoteSummary } from '@shared/api/notes'
import type { PairedDevice } from '@shared/api/sync'
import { useEffect, useState } from 'react'
import { formatRoute } from '../../app/route'
import { DialogModal } from '../../components/DialogModal'
import { useApi } from '../../platform/PlatformContext'
import { NoteRelaySwitch } from './NoteRelaySwitch'
import classes from './ShareNote.module.css'
import { shareRowText } from './noteSyncText'
import { displayTitle } from './useNoteActions'
import { useNoteSyncStatus } from './useNoteSyncStatus'

type Role = 'editor' | 'viewer'
/** On the device a note was shared with, its owner is listed as a member too. */
type MemberRole = Role | 'owner'

/** The note header's Share button and its dialog. */
export function ShareNoteButton({ note, onClosed }: { note: NoteSummary; onClosed?: () => void }) {
  const [opened, setOpened] = useState(false)
  const close = () => {
    setOpened(false)
    onClosed?.()
  }
  return (
    <>
      <Button variant="default" size="xs" leftSection={<IconShare size={16} aria-hidden />} onClick={() => setOpened(true)}>
        Share
      </Button>
      <DialogModal opened={opened} onClose={close} title={`Share “${displayTitle(note.title)}”`}>
        {opened && <ShareNoteDialog noteId={note.id} />}
      </DialogModal>
    </>
  )
}

/** Paired colleagues, each with a switch: on shares this note with them, off stops sharing it. */
export function ShareNoteDialog({ noteId }: { noteId: string }) {
  const api = useApi()
  const [colleagues, setColleagues] = useState<PairedDevice[] | null>(null)
  const [roles, setRoles] = useState<Map<string, MemberRole>>(new Map())
  const [pending, setPending] = useState<string | null>(null)
  const syncStates = new Map((useNoteSyncStatus(noteId, roles.size > 0) ?? []).map((d) => [d.deviceId, d]))

  useEffect(() => {
    let cancelled = false
    void Promise.all([api.call('sync.status', {}), api.call('sync.noteMembers', { noteId })]).then(([status, members]) => {
      if (cancelled) return
      setColleagues(status.ok ? status.value.devices.filter((d) => d.relation === 'contact' && d.revokedAt === null) : [])
      if (members.ok) setRoles(rolesOf(members.value.members))
    })
    return () => {
      cancelled = true
    }
  }, [api, noteId])

  async function setMember(deviceId: string, role: Role | null) {
    setPending(deviceId)
    const result = await api.call('sync.setNoteMember', { noteId, deviceId, role })
    setPending(null)
    if (result.ok) setRoles(rolesOf(result.value.members))
  }

  if (colleagues === null) {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden />
        <Text size="sm">Loading colleagues…</Text>
      </Group>
    )
  }
  if (colleagues.length === 0) {
    return (
      <Text size="sm">
        No colleague is paired with this device yet. Invite one from{' '}
        <Anchor href={formatRoute({ section: 'devices' })}>Devices and sharing</Anchor>, then share notes here.
      </Text>
    )
  }
  return (
    <Stack gap="md">
      <Text size="sm">Shared notes sync with your colleague whenever your devices can reach each other. Your own devices get every note anyway.</Text>
      <ul aria-label="Colleagues" className={classes.colleagues}>
        {colleagues.map((device) => {
          const role = roles.get(device.deviceId)
          if (role === 'owner') {
            return (
              <li key={device.deviceId}>
                <Text size="sm" py={6}>
                  {device.name} shared this note with you.
                </Text>
                <Text size="xs" c="dimmed">
                  {shareRowText(device.online, syncStates.get(device.deviceId))}
                </Text>
              </li>
            )
          }
          return (
            <li key={device.deviceId}>
              <Group justify="space-between" wrap="wrap" py={6}>
                <Switch
                  label={device.name}
                  description={shareRowText(device.online, syncStates.get(device.deviceId))}
                  checked={role !== undefined}
                  disabled={pending === device.deviceId}
                  onChange={(event) => void setMember(device.deviceId, event.currentTarget.checked ? 'editor' : null)}
                />
                {role !== undefined && (
                  <SegmentedControl
                    size="xs"
                    aria-label={`What ${device.name} can do`}
                    value={role === 'viewer' ? 'viewer' : 'editor'}
                    disabled={pending === device.deviceId}
                    onChange={(value) => void setMember(device.deviceId, value === 'viewer' ? 'viewer' : 'editor')}
                    data={[
                      { value: 'editor', label: 'Can edit' },
                      { value: 'viewer', label: 'Can only read' },
                    ]}
                  />
                )}
              </Group>
            </li>
          )
        })}
      </ul>
      <NoteRelaySwitch noteId={noteId} shared={roles.size > 0} />
    </Stack>
  )
}

function rolesOf(members: Array<{ deviceId: string; role: string }>): Map<string, MemberRole> {
  return new Map(members.map((m) => [m.deviceId, m.role === 'viewer' || m.role === 'owner' ? m.role : 'editor']))
}
