import { Modal } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { Interaction, InteractionFields } from '@shared/network/records'
import { useApi } from '../../platform/PlatformContext'
import { RecordForm } from '../network/RecordForm'
import { interactionForm } from './interactionForm'
import { quickLog, useQuickLogState } from './quickLogStore'

/**
 * The interaction dialog: log a new one from anywhere (palette, shortcut, a contact's page), or
 * edit one from a timeline, in the same form. Enter saves.
 */
export function QuickLogModal() {
  const state = useQuickLogState()
  const api = useApi()
  const editing = state.editing
  const title = editing ? 'Edit interaction' : 'Log interaction'

  async function log(fields: Record<string, unknown>) {
    const result = await api.call('interactions.log', { fields: fields as InteractionFields })
    if (result.ok) {
      quickLog.close()
      const names = result.value.row.contacts.map((contact) => contact.name).join(', ')
      notifications.show({ message: names ? `Logged an interaction with ${names}.` : 'Interaction logged.', autoClose: 4000 })
    }
    return result
  }

  async function update(interaction: Interaction, fields: Record<string, unknown>) {
    const patch: Partial<InteractionFields> = { ...fields }
    // A new follow-up day is a new reminder: open again, and not snoozed.
    if (patch.followUpOn !== interaction.followUpOn) Object.assign(patch, { followUpDone: false, followUpSnoozedUntil: null })
    const result = await api.call('interactions.update', { id: interaction.id, patch })
    if (result.ok) {
      quickLog.close()
      notifications.show({ message: 'Interaction saved.', autoClose: 4000 })
    }
    return result
  }

  return (
    <Modal
      opened={state.opened}
      onClose={quickLog.close}
      withCloseButton={false}
      size="lg"
      padding={0}
      // Named by the form's heading text; Modal only derives a name from its own title.
      attributes={{ content: { 'aria-label': title } }}
    >
      <RecordForm
        key={state.session}
        spec={interactionForm}
        record={editing ?? undefined}
        title={title}
        submitLabel="Save"
        initialValues={editing ? undefined : { contactIds: state.contactIds }}
        onSubmit={(fields) => (editing ? update(editing, fields) : log(fields))}
        onCancel={quickLog.close}
        submitOnEnter
        autoFocusFirst
      />
    </Modal>
  )
}
