import { Button, Group, Loader, Stack, Text } from '@mantine/core'
import type { ResourcesResults } from '@shared/api/resources'
import type { ResourceFields } from '@shared/network/records'
import { IconEdit, IconTrash } from '@tabler/icons-react'
import { formatRoute, useRoute, type Route } from '../../app/route'
import { DialogModal } from '../../components/DialogModal'
import { EmptyState } from '../../components/EmptyState'
import { useApi } from '../../platform/PlatformContext'
import { RecordFields } from '../network/RecordFields'
import { RecordForm } from '../network/RecordForm'
import { changeWithUndo } from '../network/undoToast'
import { useIndexQuery } from '../network/useIndexQuery'
import { resourceForm } from './resourceForm'
import { SpaceLink } from './ResourcesTable'

type Detail = ResourcesResults['resources.get']

/** The resource `?id=` names, in a dialog over the library: its fields, or the add or edit form (`?id=new`, `&edit=1`). */
export function OpenResource({ route }: { route: Route }) {
  const [, go] = useRoute()
  const id = route.recordId
  const close = () => go({ section: 'resources' })
  const title = id === 'new' ? 'New resource' : route.editing ? 'Edit resource' : 'Resource'
  return (
    <DialogModal opened={id !== undefined} onClose={close} title={title} size="lg">
      {id === 'new' ? <ResourceEditor onDone={close} /> : id ? <ShownResource key={id} id={id} editing={Boolean(route.editing)} /> : null}
    </DialogModal>
  )
}

function ShownResource({ id, editing }: { id: string; editing: boolean }) {
  const detail = useIndexQuery((api) => api.call('resources.get', { id }), `resources:${id}`, ['resources', 'contacts'])
  const [, go] = useRoute()
  if (!detail.data) return detail.failed ? <EmptyState title="Not found">It may have been deleted.</EmptyState> : <Loader m="md" aria-label="Loading" />
  if (editing) return <ResourceEditor detail={detail.data} onDone={() => go({ section: 'resources', recordId: id })} />
  return <ResourceDetail detail={detail.data} />
}

function ResourceDetail({ detail }: { detail: Detail }) {
  const api = useApi()
  const [, go] = useRoute()
  const { resource, row } = detail

  async function remove() {
    const done = await changeWithUndo(api, `Deleted “${resource.title}”.`, () => api.call('resources.delete', { id: resource.id }))
    if (done) go({ section: 'resources' }, { replace: true })
  }

  return (
    <Stack gap="md" data-testid="resource-detail">
      <Group justify="space-between" align="flex-start">
        <Text fw={700} size="lg" style={{ overflowWrap: 'anywhere' }}>
          {resource.title}
        </Text>
        <Group gap="xs">
          <Button variant="default" size="compact-sm" leftSection={<IconEdit size={16} aria-hidden />} component="a" href={formatRoute({ section: 'resources', recordId: resource.id, editing: true })}>
            Edit
          </Button>
          <Button variant="default" color="red" size="compact-sm" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => void remove()}>
            Delete
          </Button>
        </Group>
      </Group>
      {row.space ? (
        <Text size="sm">
          Shared into <SpaceLink space={row.space} />
        </Text>
      ) : null}
      <RecordFields spec={resourceForm} record={resource as unknown as Record<string, unknown>} skip={['title']} />
    </Stack>
  )
}

function ResourceEditor({ detail, onDone }: { detail?: Detail; onDone: () => void }) {
  const api = useApi()
  const [, go] = useRoute()
  const resource = detail?.resource

  async function save(fields: Record<string, unknown>) {
    const result = resource
      ? await api.call('resources.update', { id: resource.id, patch: fields as Partial<ResourceFields> })
      : await api.call('resources.create', { fields: fields as ResourceFields })
    if (result.ok) go({ section: 'resources', recordId: result.value.resource.id }, { replace: true })
    return result
  }

  return (
    <RecordForm
      spec={resourceForm}
      record={resource}
      title={resource ? `Edit ${resource.title}` : 'Add a resource'}
      submitLabel={resource ? 'Save' : 'Add resource'}
      onSubmit={save}
      onCancel={onDone}
      autoFocusFirst
    />
  )
}
