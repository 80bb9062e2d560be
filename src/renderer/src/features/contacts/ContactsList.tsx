import { Badge, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import type { ContactRow } from '@shared/api/contacts'
import { IconSearch, IconStarFilled } from '@tabler/icons-react'
import { useState } from 'react'
import { formatRoute } from '../../app/route'
import { EmptyState } from '../../components/EmptyState'
import { formatDay, localDay } from '../network/dates'
import { useIndexQuery } from '../network/useIndexQuery'
import { usePagedRows } from '../network/usePagedRows'
import { VirtualList } from '../network/VirtualList'
import { rememberContactNames } from './contactNames'

const sorts = {
  name: { label: 'Name', sort: 'name', direction: 'asc' },
  recent: { label: 'Last contact, recent first', sort: 'lastContact', direction: 'desc' },
  longest: { label: 'Last contact, longest ago first', sort: 'lastContact', direction: 'asc' },
} as const
type SortKey = keyof typeof sorts

/** All contacts, virtualised and paged from the index, with text and tag filters and a sort. */
export function ContactsList({ selectedId }: { selectedId?: string }) {
  const [text, setText] = useState('')
  const [query] = useDebouncedValue(text.trim(), 200)
  const [tag, setTag] = useState('')
  const [sortKey, setSortKey] = useState<SortKey>('name')
  const tags = useIndexQuery((api) => api.call('contacts.tags', {}), 'contact-tags', ['contacts'])
  const { sort, direction } = sorts[sortKey]
  const rows = usePagedRows<ContactRow>(
    async (api, page) => {
      const result = await api.call('contacts.list', {
        ...(query ? { query } : {}),
        ...(tag ? { tag } : {}),
        sort,
        direction,
        today: localDay(),
        ...page,
      })
      if (result.ok) rememberContactNames(result.value.rows)
      return result
    },
    `${query}|${tag}|${sortKey}`,
    ['contacts', 'interactions', 'settings'],
  )
  const filtered = Boolean(query || tag)

  return (
    <>
      <Stack gap="xs" px="md" pb="sm">
        <TextInput
          aria-label="Filter contacts"
          placeholder="Filter by name, school, role…"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <Group gap="xs" grow>
          <NativeSelect
            aria-label="Tag"
            value={tag}
            onChange={(event) => setTag(event.currentTarget.value)}
            data={[{ value: '', label: 'All tags' }, ...(tags.data?.tags ?? []).map(({ tag: value, count }) => ({ value, label: `${value} (${count})` }))]}
          />
          <NativeSelect
            aria-label="Sort by"
            value={sortKey}
            onChange={(event) => setSortKey(event.currentTarget.value as SortKey)}
            data={Object.entries(sorts).map(([value, { label }]) => ({ value, label }))}
          />
        </Group>
        <Text size="xs" c="dimmed" aria-live="polite">
          {rows.loaded ? `${rows.total.toLocaleString()} contact${rows.total === 1 ? '' : 's'}` : 'Loading…'}
        </Text>
      </Stack>
      <VirtualList
        rows={rows}
        label="Contacts"
        rowHeight={64}
        idOf={(row) => row.id}
        hrefFor={(row) => formatRoute({ section: 'contacts', recordId: row.id })}
        selectedId={selectedId}
        testId="contact-list"
        renderRow={(row) => <ContactRowView row={row} />}
        empty={
          filtered ? (
            <EmptyState title="No contacts match">Try other words or another tag.</EmptyState>
          ) : (
            <EmptyState title="No contacts yet">Add the people you learn with: press ‘New contact’.</EmptyState>
          )
        }
      />
    </>
  )
}

function ContactRowView({ row }: { row: ContactRow }) {
  const line = [row.role, row.organisation].filter(Boolean).join(' · ')
  return (
    <>
      <Group gap={6} wrap="nowrap">
        <Text fw={600} size="sm" truncate="end">
          {row.name}
        </Text>
        {row.thoughtLeader ? <IconStarFilled size={12} aria-label="Thought leader" role="img" /> : null}
        {row.touch === 'losing-touch' ? (
          <Badge size="xs" color="red.9" variant="filled">
            Losing touch
          </Badge>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" truncate="end">
        {line || '\u00a0'}
      </Text>
      <Text size="xs" c="dimmed" truncate="end">
        {row.lastInteractionOn ? `Last contact ${formatDay(row.lastInteractionOn)}` : 'No interactions yet'}
      </Text>
    </>
  )
}
