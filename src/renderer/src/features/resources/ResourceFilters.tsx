import { Group, NativeSelect, TextInput } from '@mantine/core'
import type { ResourceRow } from '@shared/api/resources'
import { IconSearch } from '@tabler/icons-react'
import { ShowFilter, type Show } from '../network/trash'
import { useIndexQuery } from '../network/useIndexQuery'
import { resourceDirectionLabels, resourceTypeLabels } from './resourceForm'

/** What the library shows; empty strings mean "any". */
export interface ResourceFilterValues {
  direction: '' | ResourceRow['direction']
  type: '' | ResourceRow['type']
  contactId: string
  tag: string
  text: string
  /** The current entries, or the deleted ones (restorable). */
  show: Show
}

export const noFilters: ResourceFilterValues = { direction: '', type: '', contactId: '', tag: '', text: '', show: 'live' }

const watched = ['resources', 'contacts'] as const

/**
 * Direction, type, person, tag and words. The people are those the ledger names, with what went
 * each way, so the filter also reads as the per-person balance.
 */
export function ResourceFilters({ value, onChange }: { value: ResourceFilterValues; onChange: (next: ResourceFilterValues) => void }) {
  const people = useIndexQuery((api) => api.call('resources.people', {}), 'resources.people', watched)
  const tags = useIndexQuery((api) => api.call('resources.tags', {}), 'resources.tags', watched)
  const set = (patch: Partial<ResourceFilterValues>) => onChange({ ...value, ...patch })
  const any = { value: '', label: 'Any' }
  return (
    <Group gap="sm" align="flex-end" role="search" aria-label="Filter resources">
      <NativeSelect
        label="Direction"
        value={value.direction}
        onChange={(event) => set({ direction: event.currentTarget.value as ResourceFilterValues['direction'] })}
        data={[any, ...Object.entries(resourceDirectionLabels).map(([v, label]) => ({ value: v, label }))]}
      />
      <NativeSelect
        label="Type"
        value={value.type}
        onChange={(event) => set({ type: event.currentTarget.value as ResourceFilterValues['type'] })}
        data={[any, ...Object.entries(resourceTypeLabels).map(([v, label]) => ({ value: v, label }))]}
      />
      <NativeSelect
        label="Person"
        value={value.contactId}
        onChange={(event) => set({ contactId: event.currentTarget.value })}
        data={[
          { value: '', label: 'Anyone' },
          ...(people.data?.people ?? []).map(({ contact, given, received }) => ({ value: contact.id, label: `${contact.name} (gave you ${received}, you gave ${given})` })),
        ]}
      />
      <NativeSelect
        label="Tag"
        value={value.tag}
        onChange={(event) => set({ tag: event.currentTarget.value })}
        data={[any, ...(tags.data?.tags ?? []).map(({ tag, count }) => ({ value: tag, label: `${tag} (${count})` }))]}
      />
      <TextInput
        label="Search"
        placeholder="Title, link, notes…"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={value.text}
        onChange={(event) => set({ text: event.currentTarget.value })}
        style={{ flex: 1, minWidth: 180 }}
      />
      <div style={{ minWidth: 180 }}>
        <ShowFilter value={value.show} onChange={(show) => set({ show })} plural="resources" />
      </div>
    </Group>
  )
}
