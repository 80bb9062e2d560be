import { MultiSelect, type MultiSelectProps } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import type { ApiClient } from '@shared/api/ApiClient'
import { useEffect, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'

export type PickableKind = 'goals' | 'events' | 'communities'
type Option = { value: string; label: string }

/** How to find records of a kind by text, and how to name one by id. */
const sources: Record<PickableKind, { search: (api: ApiClient, query: string) => Promise<Option[]>; name: (api: ApiClient, id: string) => Promise<string> }> = {
  goals: {
    search: async (api, query) => {
      const result = await api.call('goals.list', { ...(query ? { query } : {}), limit: 20 })
      return result.ok ? result.value.rows.map((row) => ({ value: row.id, label: row.title })) : []
    },
    name: async (api, id) => {
      const result = await api.call('goals.get', { id })
      return result.ok ? result.value.goal.title : 'Unknown goal'
    },
  },
  events: {
    search: async (api, query) => {
      const result = await api.call('events.list', { ...(query ? { query } : {}), direction: 'desc', limit: 20 })
      return result.ok ? result.value.rows.map((row) => ({ value: row.id, label: row.title })) : []
    },
    name: async (api, id) => {
      const result = await api.call('events.get', { id })
      return result.ok ? result.value.event.title : 'Unknown event'
    },
  },
  communities: {
    search: async (api, query) => {
      const result = await api.call('communities.list', { ...(query ? { query } : {}), limit: 20 })
      return result.ok ? result.value.rows.map((row) => ({ value: row.id, label: row.name })) : []
    },
    name: async (api, id) => {
      const result = await api.call('communities.get', { id, recentInteractions: 0 })
      return result.ok ? result.value.community.name : 'Unknown community'
    },
  },
}

const knownNames = new Map<string, string>()

/** Names of records by id, asking the core only for the ones not seen yet. */
export async function recordNames(api: ApiClient, kind: PickableKind, ids: string[]): Promise<Map<string, string>> {
  await Promise.all(ids.filter((id) => !knownNames.has(id)).map(async (id) => knownNames.set(id, await sources[kind].name(api, id))))
  return new Map(ids.map((id) => [id, knownNames.get(id) ?? '…']))
}

export interface RecordPickerProps extends Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  kind: PickableKind
  value: string[]
  onChange: (ids: string[]) => void
}

/** Type-ahead over goals, events or communities (searched in the index), for linking records. */
export function RecordPicker({ kind, value, onChange, ...props }: RecordPickerProps) {
  const api = useApi()
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search.trim(), 150)
  const [suggestions, setSuggestions] = useState<Option[]>([])
  const [names, setNames] = useState<Map<string, string>>(() => new Map())

  useEffect(() => {
    let cancelled = false
    void sources[kind].search(api, debounced).then((options) => {
      if (cancelled) return
      for (const option of options) knownNames.set(option.value, option.label)
      setSuggestions(options)
    })
    return () => {
      cancelled = true
    }
  }, [api, kind, debounced])

  const valueKey = value.join(',')
  useEffect(() => {
    let cancelled = false
    void recordNames(api, kind, valueKey ? valueKey.split(',') : []).then((found) => {
      if (!cancelled) setNames(found)
    })
    return () => {
      cancelled = true
    }
  }, [api, kind, valueKey])

  const data = [...value.map((id) => ({ value: id, label: names.get(id) ?? '…' })), ...suggestions.filter((option) => !value.includes(option.value))]
  return (
    <MultiSelect
      searchable
      clearable
      {...props}
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      hidePickedOptions
      nothingFoundMessage={debounced ? 'Nothing matches' : undefined}
      comboboxProps={{ withinPortal: false }}
    />
  )
}
