import { Group, Text, Tooltip, VisuallyHidden } from '@mantine/core'
import { IconClock, IconCloudCheck, IconCloudOff } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import classes from './NoteEditor.module.css'
import { deviceSyncText, noteSyncSummary, syncPhase } from './noteSyncText'
import { useNoteSyncStatus } from './useNoteSyncStatus'

/**
 * For a note shared with colleagues: whether each device that syncs it has this device's latest
 * changes. Membership is asked once when the note opens (and after the Share dialog closes, via
 * `sharingVersion`); the state is polled only while the note is open and shared.
 */
export function NoteSyncIndicator({ noteId, sharingVersion = 0 }: { noteId: string; sharingVersion?: number }) {
  const api = useApi()
  const [shared, setShared] = useState<{ noteId: string; shared: boolean } | undefined>(undefined)

  useEffect(() => {
    let live = true
    void api.call('sync.noteMembers', { noteId }).then((result) => {
      if (live) setShared({ noteId, shared: result.ok && result.value.members.length > 0 })
    })
    return () => {
      live = false
    }
  }, [api, noteId, sharingVersion])

  const isShared = shared?.noteId === noteId && shared.shared
  const devices = useNoteSyncStatus(noteId, isShared)
  if (!isShared || devices === undefined || devices.length === 0) return null

  const phases = devices.map(syncPhase)
  const Icon = phases.every((p) => p === 'synced') ? IconCloudCheck : phases.some((p) => p === 'waiting' || p === 'out-of-touch') ? IconCloudOff : IconClock
  const details = devices.map((d) => `${d.name}: ${deviceSyncText(d)}`)
  return (
    <Tooltip label={details.map((line) => <div key={line}>{line}</div>)} multiline maw={360} events={{ hover: true, focus: true, touch: true }}>
      <Group component="span" gap={4} wrap="nowrap" tabIndex={0} className={classes.syncState} data-testid="note-sync-state">
        <Icon size={14} aria-hidden />
        <Text component="span" size="xs" c="dimmed" role="status">
          {noteSyncSummary(devices)}
        </Text>
        <VisuallyHidden>{details.join('. ')}</VisuallyHidden>
      </Group>
    </Tooltip>
  )
}
