import { Modal } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { InteractionFields } from '@shared/network/records'
import { useApi } from '../../platform/PlatformContext'
import { RecordForm } from '../network/RecordForm'
import { interactionForm } from './interactionForm'
import { quickLog, useQuickLogState } from './quickLogStore'

/** Log an interaction from anywhere (palette, shortcut, a contact's page); Enter saves. */
export function QuickLogModal() {
  const state = useQuickLogState()
  const api = useApi()

  async function save(fields: Record<string, unknown>) {
    const result = await api.call('interactions.log', { fields: fields as InteractionFields })
    if (result.ok) {
      quickLog.close()
      const names = result.value.row.contacts.map((contact) => contact.name).join(', ')
      notifications.show({ message: names ? `Logged an interaction with ${names}.` : 'Interaction logged.', autoClose: 4000 })
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
      attributes={{ content: { 'aria-label': 'Log interaction' } }}
    >
      <RecordForm
        key={state.session}
        spec={interactionForm}
        title="Log interaction"
        submitLabel="Save"
        initialValues={{ contactIds: state.contactIds }}
        onSubmit={save}
        onCancel={quickLog.close}
        submitOnEnter
        autoFocusFirst
      />
    </Modal>
  )
}
