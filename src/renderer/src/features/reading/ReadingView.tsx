import { Button, Group, NativeSelect, SegmentedControl, Stack, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import type { ReadingRow, ReadingStatus } from '@shared/api/reading'
import { readingStatuses } from '@shared/network/records'
import { IconPlus, IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { formatRoute, type Route } from '../../app/route'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBoundary } from '../../components/ErrorBoundary'
import { formatDay } from '../network/dates'
import { RowLines } from '../network/kinds/RowLines'
import classes from '../network/SplitView.module.css'
import { RestoreButton, ShowFilter, type Show } from '../network/trash'
import { useIndexQuery } from '../network/useIndexQuery'
import { usePagedRows } from '../network/usePagedRows'
import { VirtualList } from '../network/VirtualList'
import { readingOrders, readingStatusLabels, type ReadingOrder } from './readingForm'
import { ReadingItemPane } from './ReadingItemPane'

const allStatuses = 'all'
type StatusFilter = ReadingStatus | typeof allStatuses
const anyTag = ''

/** The reading list: items filtered by status (with counts), text and tag, beside the open item. */
export function ReadingView({ route }: { route: Route }) {
  return (
    <div className={classes.split}>
      <section className={classes.listPane} aria-labelledby="reading-heading">
        <Group justify="space-between" className={classes.listHeader} wrap="nowrap">
          <Title order={1} size="h5" id="reading-heading">
            Reading list
          </Title>
          <Button size="compact-sm" component="a" href={formatRoute({ section: 'reading', recordId: 'new' })} leftSection={<IconPlus size={16} aria-hidden />}>
            Add item
          </Button>
        </Group>
        <ErrorBoundary area="the reading list">
          <ReadingList selectedId={route.recordId} />
        </ErrorBoundary>
      </section>
      <section className={classes.detailPane} aria-label="Open reading item">
        <ErrorBoundary area="the reading item" resetKey={route.recordId}>
          {route.recordId ? (
            <ReadingItemPane key={route.recordId} id={route.recordId} editing={Boolean(route.editing)} />
          ) : (
            <EmptyState title="No item open">Pick one from the list, or press ‘Add item’ to save an article, paper or post to read.</EmptyState>
          )}
        </ErrorBoundary>
      </section>
    </div>
  )
}

function rowLines(row: ReadingRow): string[] {
  const when = row.appliedOn
    ? `applied ${formatDay(row.appliedOn)}`
    : row.readOn
      ? `read ${formatDay(row.readOn)}`
      : `added ${formatDay(row.addedOn)}`
  return [`${readingStatusLabels[row.status]} · ${when}`, [row.author, row.source].filter(Boolean).join(' · ')]
}

function ReadingList({ selectedId }: { selectedId?: string }) {
  const [text, setText] = useState('')
  const [query] = useDebouncedValue(text.trim(), 200)
  const [status, setStatus] = useState<StatusFilter>(allStatuses)
  const [tag, setTag] = useState(anyTag)
  const [orderKey, setOrderKey] = useState<ReadingOrder>('added-desc')
  const [show, setShow] = useState<Show>('live')
  const deleted = show === 'deleted'
  const { sort, direction } = readingOrders[orderKey]
  const filters = { ...(query ? { query } : {}), ...(tag ? { tag } : {}), show }

  // One row is enough: this call is for the counts per status under the same text and tag.
  const summary = useIndexQuery((api) => api.call('reading.list', { ...filters, limit: 1 }), `reading-counts|${show}|${query}|${tag}`, ['reading'])
  const tags = useIndexQuery((api) => api.call('reading.tags', {}), 'reading-tags', ['reading'])
  const rows = usePagedRows<ReadingRow>(
    (api, page) => api.call('reading.list', { ...filters, ...(status === allStatuses ? {} : { status }), sort, direction, ...page }),
    `reading|${show}|${query}|${tag}|${status}|${orderKey}`,
    ['reading'],
  )
  const counts = summary.data?.counts
  const countOf = (value: StatusFilter) => (value === allStatuses ? summary.data?.total : counts?.[value])
  const statusLabel = (value: StatusFilter) => {
    const count = countOf(value)
    const name = value === allStatuses ? 'All' : readingStatusLabels[value]
    return count === undefined ? name : `${name} (${count})`
  }
  const known = tags.data?.tags ?? []
  // A chosen tag stays in the menu after its last item loses it, so the filter never changes by itself.
  const tagOptions = tag && !known.some((t) => t.tag === tag) ? [...known, { tag, count: 0 }] : known
  const plural = 'reading items'

  return (
    <>
      <Stack gap="xs" px="md" pb="sm">
        <ShowFilter value={show} onChange={setShow} plural={plural} />
        <TextInput
          aria-label={`Search ${deleted ? 'deleted ' : ''}reading items`}
          placeholder="Search titles, authors, notes…"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <SegmentedControl
          orientation="vertical"
          fullWidth
          size="xs"
          aria-label="Status"
          value={status}
          onChange={(next) => setStatus(next as StatusFilter)}
          data={([allStatuses, ...readingStatuses] as StatusFilter[]).map((value) => ({ value, label: statusLabel(value) }))}
        />
        <Group grow gap="xs" wrap="nowrap">
          <NativeSelect
            size="xs"
            label="Tag"
            value={tag}
            onChange={(event) => setTag(event.currentTarget.value)}
            data={[{ value: anyTag, label: 'All tags' }, ...tagOptions.map((t) => ({ value: t.tag, label: `${t.tag} (${t.count})` }))]}
          />
          <NativeSelect
            size="xs"
            label="Order"
            value={orderKey}
            onChange={(event) => setOrderKey(event.currentTarget.value as ReadingOrder)}
            data={Object.entries(readingOrders).map(([value, order]) => ({ value, label: order.label }))}
          />
        </Group>
      </Stack>
      <VirtualList
        rows={rows}
        label={deleted ? 'Deleted reading items' : 'Reading items'}
        rowHeight={64}
        idOf={(row) => row.id}
        hrefFor={deleted ? undefined : (row) => formatRoute({ section: 'reading', recordId: row.id })}
        renderRow={(row) => <RowLines title={row.title} lines={rowLines(row)} />}
        renderAside={deleted ? (row) => <RestoreButton name={row.title} restore={(api) => api.call('reading.restore', { id: row.id })} /> : undefined}
        selectedId={selectedId}
        testId={`reading-${deleted ? 'deleted' : 'list'}`}
        empty={
          query || tag || status !== allStatuses ? (
            <EmptyState title="Nothing matches">Try other words, another status or another tag.</EmptyState>
          ) : deleted ? (
            <EmptyState title="Nothing deleted">What you delete waits here, and you can restore it at any time.</EmptyState>
          ) : (
            <EmptyState title="Nothing to read yet">Add an article, paper or post you mean to read, then follow it to applied in class.</EmptyState>
          )
        }
      />
    </>
  )
}
