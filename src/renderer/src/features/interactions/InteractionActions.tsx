import { Button, Group } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { InteractionRow } from '@shared/api/interactions'
import { IconCheck, IconEdit, IconTrash } from '@tabler/icons-react'
import { useApi } from '../../platform/PlatformContext'
import { formatDay } from '../network/dates'
import { changeWithUndo } from '../network/undoToast'
import { quickLog } from './quickLogStore'

/**
 * What can be done to one timeline entry: edit it in the interaction dialog, delete it (with Undo
 * in the toast), and mark its follow-up done while one is open. Lists refresh on `index.changed`.
 */
export function InteractionActions({ row, onDeleted }: { row: InteractionRow; onDeleted: () => void }) {
  const api = useApi()
  const day = formatDay(row.date)
  const names = row.contacts.map((contact) => contact.name).join(', ')

  async function edit() {
    // The row's summary is cut to an excerpt; the form edits the whole interaction. No loading
    // state: a disabled button would drop the focus the dialog hands back when it closes.
    const result = await api.call('interactions.get', { id: row.id })
    if (result.ok) quickLog.edit(result.value.interaction)
  }

  async function remove() {
    const message = `Deleted the interaction${names ? ` with ${names}` : ''} on ${day}.`
    if (await changeWithUndo(api, message, () => api.call('interactions.delete', { id: row.id }))) onDeleted()
  }

  async function markFollowUpDone() {
    const result = await api.call('interactions.setFollowUpDone', { id: row.id, done: true })
    if (result.ok) notifications.show({ message: 'Follow-up marked done.', autoClose: 3000 })
  }

  return (
    <Group gap={4} wrap="nowrap">
      {row.followUpOn && !row.followUpDone ? (
        <Button
          variant="subtle"
          size="compact-xs"
          leftSection={<IconCheck size={14} aria-hidden />}
          onClick={() => void markFollowUpDone()}
          aria-label={`Mark the follow-up of the interaction on ${day} done`}
        >
          Done
        </Button>
      ) : null}
      <Button variant="subtle" size="compact-xs" leftSection={<IconEdit size={14} aria-hidden />} onClick={() => void edit()} aria-label={`Edit the interaction on ${day}`}>
        Edit
      </Button>
      <Button variant="subtle" size="compact-xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => void remove()} aria-label={`Delete the interaction on ${day}`}>
        Delete
      </Button>
    </Group>
  )
}
