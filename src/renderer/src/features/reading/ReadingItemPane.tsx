import { Anchor, Button, Group, Loader, SegmentedControl, Stack, TagsInput, Text, Textarea, Title, VisuallyHidden } from '@mantine/core'
import type { ReadingDetail, ReadingStatus } from '@shared/api/reading'
import type { RpcResult } from '@shared/errors'
import { limits } from '@shared/limits'
import type { ReadingFields } from '@shared/network/records'
import { readingStatuses } from '@shared/network/records'
import { IconEdit, IconExternalLink, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { formatRoute, useRoute } from '../../app/route'
import { EmptyState } from '../../components/EmptyState'
import { useApi } from '../../platform/PlatformContext'
import { formatDay, localDay } from '../network/dates'
import { RecordForm } from '../network/RecordForm'
import { RecordPicker } from '../network/RecordPicker'
import { changeWithUndo } from '../network/undoToast'
import { useIndexQuery } from '../network/useIndexQuery'
import { ShareToSpaceButton } from '../resources/ShareToSpaceButton'
import { readingForm, readingStatusLabels } from './readingForm'

/** The right pane of the reading list: the add form, an item, or an item's edit form. */
export function ReadingItemPane({ id, editing }: { id: string; editing: boolean }) {
  if (id === 'new') return <ReadingEditor />
  return <OpenItem id={id} editing={editing} />
}

function OpenItem({ id, editing }: { id: string; editing: boolean }) {
  const loaded = useIndexQuery((api) => api.call('reading.get', { id }), `reading:${id}`, ['reading', 'goals'])
  // What this pane last saved: shown until the index catches up, so a change never flickers back.
  const [saved, setSaved] = useState<ReadingDetail | null>(null)
  const detail = saved && (!loaded.data || saved.row.updatedAt >= loaded.data.row.updatedAt) ? saved : loaded.data
  if (!detail) return loaded.failed ? <EmptyState title="Not found">It may have been deleted.</EmptyState> : <Loader m="md" aria-label="Loading" />
  return editing ? <ReadingEditor detail={detail} /> : <ItemDetail detail={detail} onSaved={setSaved} />
}

function ReadingEditor({ detail }: { detail?: ReadingDetail }) {
  const api = useApi()
  const [, go] = useRoute()
  const item = detail?.item

  async function save(fields: Record<string, unknown>): Promise<RpcResult<ReadingDetail>> {
    const result = item
      ? await api.call('reading.update', { id: item.id, patch: fields as Partial<ReadingFields> })
      : await api.call('reading.create', { fields: fields as ReadingFields, today: localDay() })
    if (result.ok) go({ section: 'reading', recordId: result.value.item.id })
    return result
  }

  return (
    <RecordForm
      spec={readingForm}
      record={item}
      title={item ? `Edit ${item.title}` : 'Add to the reading list'}
      submitLabel={item ? 'Save' : 'Add item'}
      onSubmit={save}
      onCancel={() => go(item ? { section: 'reading', recordId: item.id } : { section: 'reading' })}
    />
  )
}

function ItemDetail({ detail, onSaved }: { detail: ReadingDetail; onSaved: (detail: ReadingDetail) => void }) {
  const api = useApi()
  const [, go] = useRoute()
  const { item } = detail
  const tagSuggestions = useIndexQuery((client) => client.call('reading.tags', {}), 'reading-tags', ['reading'])

  async function change(patch: Partial<ReadingFields>): Promise<boolean> {
    const result = await api.call('reading.update', { id: item.id, patch, today: localDay() })
    if (result.ok) onSaved(result.value)
    return result.ok
  }

  async function remove() {
    const done = await changeWithUndo(api, `Deleted “${item.title}”.`, () => api.call('reading.delete', { id: item.id }))
    if (done) go({ section: 'reading' }, { replace: true })
  }

  const byline = [item.author, item.source].filter(Boolean).join(' · ')
  return (
    <Stack gap="lg" p="md" maw={860}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Title>
          {byline ? <Text c="dimmed">{byline}</Text> : null}
          {item.url ? (
            <Anchor href={item.url} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
              <Group gap={4} component="span" wrap="nowrap">
                <span>{item.url}</span>
                <IconExternalLink size={14} aria-hidden />
                <VisuallyHidden>(opens in a new window)</VisuallyHidden>
              </Group>
            </Anchor>
          ) : null}
        </Stack>
        <Group gap="xs">
          <ShareToSpaceButton title={item.title} url={item.url} readingId={item.id} />
          <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} component="a" href={formatRoute({ section: 'reading', recordId: item.id, editing: true })}>
            Edit
          </Button>
          <Button variant="default" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => void remove()}>
            Delete
          </Button>
        </Group>
      </Group>

      <Stack gap={6}>
        <Text fw={500} size="sm" id="reading-status-label">
          Status
        </Text>
        <SegmentedControl
          aria-labelledby="reading-status-label"
          value={item.status}
          onChange={(next) => void change({ status: next as ReadingStatus })}
          data={readingStatuses.map((value) => ({ value, label: readingStatusLabels[value] }))}
        />
        <Text size="sm" c="dimmed" data-testid="reading-dates">
          {statusDates(detail)}
        </Text>
      </Stack>

      <NotesEditor key={item.id} notes={item.notes} save={(notes) => change({ notes })} />

      <TagsInput
        label="Tags"
        placeholder={item.tags.length ? undefined : 'Add a tag and press Enter'}
        value={item.tags}
        onChange={(tags) => void change({ tags })}
        data={tagSuggestions.data?.tags.map((t) => t.tag) ?? []}
        maxTags={30}
        splitChars={[',']}
        maxLength={limits.tagChars}
      />

      <RecordPicker kind="goals" label="Goals it serves" placeholder="Pick a goal" value={item.goalIds} onChange={(goalIds) => void change({ goalIds })} />
    </Stack>
  )
}

function statusDates({ item }: ReadingDetail): string {
  const parts = [`Added ${formatDay(item.addedOn)}`]
  if (item.readOn) parts.push(`read ${formatDay(item.readOn)}`)
  if (item.appliedOn) parts.push(`applied in class ${formatDay(item.appliedOn)}`)
  return parts.join(' · ')
}

/**
 * The item's notes: long text is fine (up to 20,000 characters). Saved when the field loses focus
 * or with the button; while the teacher types, a change from elsewhere does not replace the text.
 */
function NotesEditor({ notes, save }: { notes: string; save: (notes: string) => Promise<boolean> }) {
  const [draft, setDraft] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const dirty = draft !== null && draft !== notes

  async function commit() {
    if (draft === null || !dirty || saving) return
    setSaving(true)
    const ok = await save(draft)
    setSaving(false)
    if (ok) setDraft(null)
  }

  return (
    <Stack gap={6}>
      <Textarea
        label="Notes"
        description="What you took from it, and how you used it in class."
        autosize
        minRows={6}
        maxRows={24}
        maxLength={20_000}
        value={draft ?? notes}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={() => void commit()}
      />
      <Group justify="space-between">
        <Text size="xs" c="dimmed" aria-live="polite">
          {saving ? 'Saving…' : dirty ? 'Not saved yet' : ''}
        </Text>
        <Button size="compact-sm" variant="light" disabled={!dirty} loading={saving} onClick={() => void commit()}>
          Save notes
        </Button>
      </Group>
    </Stack>
  )
}
