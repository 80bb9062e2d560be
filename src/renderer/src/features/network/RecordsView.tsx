import { Button, Group, Loader, Stack, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import type { RpcResult } from '@shared/errors'
import { IconEdit, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { formatRoute, useRoute, type Route } from '../../app/route'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBoundary } from '../../components/ErrorBoundary'
import { useApi } from '../../platform/PlatformContext'
import type { AnyKindView } from './kindView'
import { RecordFields } from './RecordFields'
import { RecordForm } from './RecordForm'
import classes from './SplitView.module.css'
import { RestoreButton, ShowFilter, type Show } from './trash'
import { changeWithUndo } from './undoToast'
import { useIndexQuery } from './useIndexQuery'
import { usePagedRows } from './usePagedRows'
import { VirtualList } from './VirtualList'

/** One screen for every kind: a filterable list beside the open record, its edit form or a new one. */
export function RecordsView({ view, route }: { view: AnyKindView; route: Route }) {
  const headingId = `${view.section}-heading`
  return (
    <div className={classes.split}>
      <section className={classes.listPane} aria-labelledby={headingId}>
        <Group justify="space-between" className={classes.listHeader} wrap="nowrap">
          <Title order={1} size="h5" id={headingId}>
            {view.plural}
          </Title>
          <Button size="compact-sm" component="a" href={formatRoute({ section: view.section, recordId: 'new' })} leftSection={<IconPlus size={16} aria-hidden />}>
            New {view.singular}
          </Button>
        </Group>
        <ErrorBoundary area={`the ${view.plural.toLowerCase()} list`}>
          <RecordsList view={view} selectedId={route.recordId} />
        </ErrorBoundary>
      </section>
      <section className={classes.detailPane} aria-label={`Open ${view.singular}`}>
        <ErrorBoundary area={`the ${view.singular}`} resetKey={route.recordId}>
          {route.recordId === 'new' ? (
            <RecordEditor key="new" view={view} />
          ) : route.recordId ? (
            <OpenRecord key={route.recordId} view={view} id={route.recordId} editing={Boolean(route.editing)} />
          ) : (
            <EmptyState title={`No ${view.singular} open`}>Pick one from the list, or press ‘New {view.singular}’.</EmptyState>
          )}
        </ErrorBoundary>
      </section>
    </div>
  )
}

function RecordsList({ view, selectedId }: { view: AnyKindView; selectedId?: string }) {
  const [text, setText] = useState('')
  const [query] = useDebouncedValue(text.trim(), 200)
  const [show, setShow] = useState<Show>('live')
  const deleted = show === 'deleted'
  const rows = usePagedRows(view.list(query, show), `${view.section}|${show}|${query}`, view.indexKinds)
  const plural = view.plural.toLowerCase()
  return (
    <>
      <Stack gap="xs" px="md" pb="sm">
        <ShowFilter value={show} onChange={setShow} plural={plural} />
        <TextInput
          aria-label={`Filter ${deleted ? 'deleted ' : ''}${plural}`}
          placeholder="Filter…"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        {deleted ? null : view.renderListActions?.()}
      </Stack>
      <VirtualList
        rows={rows}
        label={deleted ? `Deleted ${plural}` : view.plural}
        rowHeight={view.rowHeight}
        idOf={view.rowId}
        hrefFor={deleted ? undefined : (row) => formatRoute({ section: view.section, recordId: view.rowId(row) })}
        renderRow={view.renderRow}
        renderAside={deleted ? (row) => <RestoreButton name={view.rowTitle(row)} restore={(api) => view.restore(api, view.rowId(row))} /> : undefined}
        selectedId={selectedId}
        testId={`${view.section}-${deleted ? 'deleted' : 'list'}`}
        empty={
          query ? (
            <EmptyState title="Nothing matches">Try other words.</EmptyState>
          ) : deleted ? (
            <EmptyState title="Nothing deleted">What you delete waits here, and you can restore it at any time.</EmptyState>
          ) : (
            <EmptyState title={`No ${plural} yet`}>{view.emptyHint}</EmptyState>
          )
        }
      />
    </>
  )
}

function OpenRecord({ view, id, editing }: { view: AnyKindView; id: string; editing: boolean }) {
  const detail = useIndexQuery((api) => view.get(api, id), `${view.section}:${id}`, view.indexKinds)
  if (!detail.data) {
    return detail.failed ? <EmptyState title="Not found">It may have been deleted.</EmptyState> : <Loader m="md" aria-label="Loading" />
  }
  return editing ? <RecordEditor view={view} detail={detail.data} /> : <RecordDetail view={view} detail={detail.data} />
}

function RecordDetail({ view, detail }: { view: AnyKindView; detail: unknown }) {
  const api = useApi()
  const [, go] = useRoute()
  const record = view.recordOf(detail)
  const title = view.titleOf(record)

  async function remove() {
    const done = await changeWithUndo(api, `Deleted “${title}”.`, () => view.remove(api, record.id))
    if (done) go({ section: view.section }, { replace: true })
  }

  return (
    <Stack gap="lg" p="md" maw={860}>
      <Group justify="space-between" align="flex-start">
        <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        <Group gap="xs">
          {view.renderActions?.(detail)}
          <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} component="a" href={formatRoute({ section: view.section, recordId: record.id, editing: true })}>
            Edit
          </Button>
          <Button variant="default" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => void remove()}>
            Delete
          </Button>
        </Group>
      </Group>
      {view.renderExtra?.(detail)}
      <RecordFields spec={view.form} record={record as Record<string, unknown>} skip={view.skipFields} />
    </Stack>
  )
}

function RecordEditor({ view, detail }: { view: AnyKindView; detail?: unknown }) {
  const api = useApi()
  const [, go] = useRoute()
  const record = detail === undefined ? undefined : view.recordOf(detail)

  async function save(fields: Record<string, unknown>): Promise<RpcResult<unknown>> {
    const result = record ? await view.update(api, record.id, fields) : await view.create(api, fields)
    if (result.ok) go({ section: view.section, recordId: view.recordOf(result.value).id })
    return result
  }

  return (
    <RecordForm
      spec={view.form}
      record={record}
      title={record ? `Edit ${view.titleOf(record)}` : `New ${view.singular}`}
      submitLabel={record ? 'Save' : `Add ${view.singular}`}
      onSubmit={save}
      onCancel={() => go(record ? { section: view.section, recordId: record.id } : { section: view.section })}
    />
  )
}
