import { Badge, Checkbox, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import type { ContactRow } from '@shared/api/contacts'
import { IconSearch, IconStarFilled } from '@tabler/icons-react'
import { useState } from 'react'
import { formatRoute } from '../../app/route'
import { EmptyState } from '../../components/EmptyState'
import { useApi } from '../../platform/PlatformContext'
import { formatDay, localDay } from '../network/dates'
import { useIndexQuery } from '../network/useIndexQuery'
import { usePagedRows } from '../network/usePagedRows'
import { RestoreButton, ShowFilter, type Show } from '../network/trash'
import { VirtualList } from '../network/VirtualList'
import { BulkActions, bulkLimit, contactsCount } from './BulkActions'
import bulkClasses from './BulkActions.module.css'
import { rememberContactNames } from './contactNames'
import { useSelection } from './useSelection'

const sorts = {
  name: { label: 'Name', sort: 'name', direction: 'asc' },
  recent: { label: 'Last contact, recent first', sort: 'lastContact', direction: 'desc' },
  longest: { label: 'Last contact, longest ago first', sort: 'lastContact', direction: 'asc' },
} as const
type SortKey = keyof typeof sorts

/** All contacts, virtualised and paged from the index, with filters, a sort, bulk edits and the deleted ones. */
export function ContactsList({ selectedId }: { selectedId?: string }) {
  const api = useApi()
  const [text, setText] = useState('')
  const [query] = useDebouncedValue(text.trim(), 200)
  const [tag, setTag] = useState('')
  const [sortKey, setSortKey] = useState<SortKey>('name')
  const [show, setShow] = useState<Show>('live')
  const deleted = show === 'deleted'
  const tags = useIndexQuery((client) => client.call('contacts.tags', {}), 'contact-tags', ['contacts'])
  const { sort, direction } = sorts[sortKey]
  const filter = { ...(query ? { query } : {}), ...(tag ? { tag } : {}), sort, direction, show }
  const key = `${show}|${query}|${tag}|${sortKey}`
  const rows = usePagedRows<ContactRow>(
    async (client, page) => {
      const result = await client.call('contacts.list', { ...filter, today: localDay(), ...page })
      if (result.ok) rememberContactNames(result.value.rows)
      return result
    },
    key,
    ['contacts', 'interactions', 'settings'],
  )
  const selection = useSelection(key)
  const filtered = Boolean(query || tag)
  const tagNames = (tags.data?.tags ?? []).map((entry) => entry.tag)

  async function loadAllIds(): Promise<string[] | null> {
    const ids: string[] = []
    for (let offset = 0; offset < bulkLimit; offset += 1000) {
      const result = await api.call('contacts.list', { ...filter, offset, limit: 1000 })
      if (!result.ok) return null
      ids.push(...result.value.rows.map((row) => row.id))
      if (result.value.rows.length < 1000 || ids.length >= result.value.total) break
    }
    return ids.slice(0, bulkLimit)
  }

  return (
    <>
      <Stack gap="xs" px="md" pb="sm">
        <ShowFilter value={show} onChange={setShow} plural="contacts" />
        <TextInput
          aria-label={deleted ? 'Filter deleted contacts' : 'Filter contacts'}
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
          {rows.loaded ? `${contactsCount(rows.total)}${deleted ? ' deleted' : ''}` : 'Loading…'}
        </Text>
        {deleted ? null : <BulkActions selection={selection} total={rows.total} loadAllIds={loadAllIds} tags={tagNames} openId={selectedId} />}
      </Stack>
      <VirtualList
        rows={rows}
        label={deleted ? 'Deleted contacts' : 'Contacts'}
        rowHeight={64}
        idOf={(row) => row.id}
        hrefFor={deleted ? undefined : (row) => formatRoute({ section: 'contacts', recordId: row.id })}
        selectedId={selectedId}
        testId={deleted ? 'contact-deleted' : 'contact-list'}
        renderRow={(row) => <ContactRowView row={row} />}
        renderLead={
          deleted
            ? undefined
            : (row, index) => (
                <Checkbox
                  className={bulkClasses.check}
                  aria-label={`Select ${row.name}`}
                  checked={selection.has(row.id)}
                  onChange={(event) => selection.toggle(row.id, index, (event.nativeEvent as MouseEvent).shiftKey === true, (i) => rows.rowAt(i)?.id)}
                  onKeyDown={(event) => {
                    if (event.key === 'Escape' && selection.ids.size > 0) {
                      event.preventDefault()
                      selection.clear()
                    }
                  }}
                />
              )
        }
        renderAside={deleted ? (row) => <RestoreButton name={row.name} restore={(client) => client.call('contacts.restore', { id: row.id })} /> : undefined}
        empty={
          filtered ? (
            <EmptyState title="No contacts match">Try other words or another tag.</EmptyState>
          ) : deleted ? (
            <EmptyState title="Nothing deleted">Contacts you delete wait here, and you can restore them at any time.</EmptyState>
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
