import { Button, Group, Stack, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { formatRoute, type Route } from '../../app/route'
import { ErrorBoundary } from '../../components/ErrorBoundary'
import { pageSize } from '../network/usePagedRows'
import { useIndexQuery } from '../network/useIndexQuery'
import { OpenResource } from './OpenResource'
import { noFilters, ResourceFilters, type ResourceFilterValues } from './ResourceFilters'
import { ResourcesTable } from './ResourcesTable'
import { ShareToSpaceButton } from './ShareToSpaceButton'

/** The most rows one list call returns (the contract's page limit); past it, filters narrow the list. */
const maxRows = 1000

/** The resources library (#/resources): the ledger of what was given and received, which the reciprocity figures count. */
export function ResourcesView({ route }: { route: Route }) {
  const [filters, setFilters] = useState<ResourceFilterValues>(noFilters)
  const [text] = useDebouncedValue(filters.text.trim(), 200)
  const [limit, setLimit] = useState(pageSize)
  const query = {
    ...(filters.direction ? { direction: filters.direction } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.contactId ? { contactId: filters.contactId } : {}),
    ...(filters.tag ? { tag: filters.tag } : {}),
    ...(text ? { query: text } : {}),
  }
  const deleted = filters.show === 'deleted'
  const rows = useIndexQuery((api) => api.call('resources.list', { ...query, show: filters.show, limit }), `resources.list|${filters.show}|${JSON.stringify(query)}|${limit}`, ['resources', 'contacts'])

  function filter(next: ResourceFilterValues) {
    setFilters(next)
    setLimit(pageSize)
  }

  return (
    <Stack gap="md" p="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h3">
            Resources library
          </Title>
          <Text size="sm" c="dimmed" maw={640}>
            What colleagues gave you and what you gave them, and where you used it. Your reciprocity figures on the dashboard come from here.
          </Text>
        </Stack>
        <Group gap="xs">
          <ShareToSpaceButton title="" url={null} />
          <Button size="compact-sm" component="a" href={formatRoute({ section: 'resources', recordId: 'new' })} leftSection={<IconPlus size={16} aria-hidden />}>
            Add resource
          </Button>
        </Group>
      </Group>
      <ResourceFilters value={filters} onChange={filter} />
      <ErrorBoundary area="the resources list">
        <ResourcesTable rows={rows} filtered={Object.keys(query).length > 0} deleted={deleted} onMore={limit < maxRows ? () => setLimit((n) => Math.min(n + pageSize, maxRows)) : undefined} />
      </ErrorBoundary>
      <ErrorBoundary area="the open resource" resetKey={route.recordId}>
        <OpenResource route={route} />
      </ErrorBoundary>
    </Stack>
  )
}
