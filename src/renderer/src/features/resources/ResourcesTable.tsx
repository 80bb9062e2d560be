import { Anchor, Badge, Button, Group, Loader, Table, Text } from '@mantine/core'
import type { ResourceRow } from '@shared/api/resources'
import type { ReactNode } from 'react'
import { formatRoute } from '../../app/route'
import { EmptyState } from '../../components/EmptyState'
import { formatDay } from '../network/dates'
import { RestoreButton } from '../network/trash'
import type { IndexQueryState } from '../network/useIndexQuery'
import { resourceDirectionLabels, resourceTypeLabels } from './resourceForm'

const directionColor = { given: 'green', received: 'blue' } as const

/** The ledger as a table: what, which way, who, where it went and was used, tags, when. */
export function ResourcesTable({ rows, filtered, deleted, onMore }: { rows: IndexQueryState<{ rows: ResourceRow[]; total: number }>; filtered: boolean; deleted: boolean; onMore?: () => void }) {
  if (!rows.data) return rows.failed ? <EmptyState title="The library did not load">Try again in a moment.</EmptyState> : <Loader m="md" aria-label="Loading resources" />
  const { rows: shown, total } = rows.data
  if (shown.length === 0) {
    return filtered ? (
      <EmptyState title="Nothing matches">Try other filters or words.</EmptyState>
    ) : deleted ? (
      <EmptyState title="Nothing deleted">What you delete waits here, and you can restore it at any time.</EmptyState>
    ) : (
      <EmptyState title="No resources yet">Add what colleagues shared with you and what you gave them: lesson plans, links, files.</EmptyState>
    )
  }
  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover verticalSpacing="xs" aria-label="Resources" data-testid="resources-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Title</Table.Th>
              <Table.Th scope="col">Direction</Table.Th>
              <Table.Th scope="col">Type</Table.Th>
              <Table.Th scope="col">Who</Table.Th>
              <Table.Th scope="col">Where</Table.Th>
              <Table.Th scope="col">Tags</Table.Th>
              <Table.Th scope="col">Date</Table.Th>
              {deleted ? <Table.Th scope="col">Restore</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <ResourceTableRow key={row.id} row={row} deleted={deleted} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="resources-count">
          {shown.length === total ? `${total} resource${total === 1 ? '' : 's'}` : `${shown.length} of ${total} resources`}
        </Text>
        {shown.length < total && onMore ? (
          <Button variant="default" size="compact-sm" onClick={onMore}>
            Show more
          </Button>
        ) : null}
      </Group>
    </>
  )
}

function ResourceTableRow({ row, deleted }: { row: ResourceRow; deleted: boolean }) {
  return (
    <Table.Tr data-testid="resource-row">
      <Table.Td>
        {deleted ? (
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {row.title}
          </Text>
        ) : (
          <Anchor href={formatRoute({ section: 'resources', recordId: row.id })} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {row.title}
          </Anchor>
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={directionColor[row.direction]} size="sm">
          {resourceDirectionLabels[row.direction]}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{resourceTypeLabels[row.type]}</Text>
      </Table.Td>
      <Table.Td>
        <Listed items={row.contacts.map((contact) => ({ key: contact.id, node: <Anchor href={formatRoute({ section: 'contacts', recordId: contact.id })} size="sm">{contact.name}</Anchor> }))} />
      </Table.Td>
      <Table.Td>
        <Listed
          items={[
            ...(row.space ? [{ key: `space:${row.space.id}`, node: <SpaceLink space={row.space} /> }] : []),
            ...row.usedIn.map((use) => ({ key: `use:${use}`, node: <Text span size="sm">{use}</Text> })),
          ]}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {row.tags.map((tag) => (
            <Badge key={tag} variant="default" size="sm">
              {tag}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDay(row.date)}
        </Text>
      </Table.Td>
      {deleted ? (
        <Table.Td>
          <RestoreButton name={row.title} restore={(api) => api.call('resources.restore', { id: row.id })} />
        </Table.Td>
      ) : null}
    </Table.Tr>
  )
}

function Listed({ items }: { items: Array<{ key: string; node: ReactNode }> }) {
  return (
    <Text span size="sm">
      {items.map((item, index) => (
        <span key={item.key}>
          {index > 0 ? ', ' : ''}
          {item.node}
        </span>
      ))}
    </Text>
  )
}

/** The project or circle an entry was shared into; a space no longer here is named without a link. */
export function SpaceLink({ space }: { space: NonNullable<ResourceRow['space']> }) {
  const name = space.title || (space.kind === 'circle' ? 'A circle' : 'A project')
  if (space.kind === null) return <Text span size="sm">{space.title || 'A space no longer here'}</Text>
  return (
    <Anchor href={formatRoute({ section: space.kind === 'project' ? 'projects' : 'circles', spaceId: space.id })} size="sm">
      {name}
    </Anchor>
  )
}
