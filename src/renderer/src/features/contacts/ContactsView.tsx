import { Button, Group, Loader, Title } from '@mantine/core'
import type { ContactDetail } from '@shared/api/contacts'
import type { RpcResult } from '@shared/errors'
import { IconPlus } from '@tabler/icons-react'
import { formatRoute, useRoute, type Route } from '../../app/route'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBoundary } from '../../components/ErrorBoundary'
import { useApi } from '../../platform/PlatformContext'
import { localDay } from '../network/dates'
import { RecordForm } from '../network/RecordForm'
import { useIndexQuery } from '../network/useIndexQuery'
import classes from '../network/SplitView.module.css'
import { ContactDetailView } from './ContactDetail'
import { ContactExtras } from './ContactExtras'
import { contactForm } from './contactForm'
import { ContactsList } from './ContactsList'

/** Contacts: the list beside the open contact, its edit form or the new-contact form. */
export function ContactsView({ route }: { route: Route }) {
  return (
    <div className={classes.split}>
      <section className={classes.listPane} aria-labelledby="contacts-heading">
        <Group justify="space-between" className={classes.listHeader} wrap="nowrap">
          <Title order={1} size="h5" id="contacts-heading">
            Contacts
          </Title>
          <Button size="compact-sm" component="a" href={formatRoute({ section: 'contacts', recordId: 'new' })} leftSection={<IconPlus size={16} aria-hidden />}>
            New contact
          </Button>
        </Group>
        <ErrorBoundary area="the contacts list">
          <ContactsList selectedId={route.recordId} />
        </ErrorBoundary>
      </section>
      <section className={classes.detailPane} aria-label="Open contact">
        <ErrorBoundary area="the contact" resetKey={route.recordId}>
          {route.recordId === 'new' ? (
            <ContactEditor key="new" />
          ) : route.recordId ? (
            <OpenContact key={route.recordId} id={route.recordId} editing={Boolean(route.editing)} />
          ) : (
            <EmptyState title="No contact open">Pick someone from the list, or add a new contact.</EmptyState>
          )}
        </ErrorBoundary>
      </section>
    </div>
  )
}

function OpenContact({ id, editing }: { id: string; editing: boolean }) {
  const detail = useIndexQuery((api) => api.call('contacts.get', { id, today: localDay() }), id, ['contacts', 'interactions', 'settings'])
  if (!detail.data) {
    return detail.failed ? <EmptyState title="Contact not found">It may have been deleted.</EmptyState> : <Loader m="md" aria-label="Loading contact" />
  }
  return editing ? <ContactEditor detail={detail.data} /> : <ContactDetailView detail={detail.data} />
}

/** The new-contact form, or the edit form of an existing contact. */
function ContactEditor({ detail }: { detail?: ContactDetail }) {
  const api = useApi()
  const [, go] = useRoute()
  const contact = detail?.contact

  async function save(fields: Record<string, unknown>): Promise<RpcResult<unknown>> {
    const result = contact
      ? await api.call('contacts.update', { id: contact.id, patch: fields })
      : await api.call('contacts.create', { fields: fields as never })
    if (result.ok) go({ section: 'contacts', recordId: result.value.contact.id })
    return result
  }

  return (
    <RecordForm
      spec={contactForm}
      record={contact}
      title={contact ? `Edit ${contact.name}` : 'New contact'}
      submitLabel={contact ? 'Save contact' : 'Add contact'}
      onSubmit={save}
      onCancel={() => go(contact ? { section: 'contacts', recordId: contact.id } : { section: 'contacts' })}
      extra={(form) => <ContactExtras form={form} contactId={contact?.id} />}
    />
  )
}
