import { MultiSelect, type MultiSelectProps } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import type { ApiClient } from '@shared/api/ApiClient'
import { useEffect, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { contactNames, rememberContactNames } from '../contacts/contactNames'
import classes from './RecordPicker.module.css'

export type PickableKind = 'contacts' | 'goals' | 'events' | 'communities'
type Option = { value: string; label: string }

const suggestionCount = 20

/** How to find records of a kind by text, how to name chosen ones by id, and what to say when nothing matches. */
interface Source {
  search: (api: ApiClient, query: string) => Promise<Option[]>
  names: (api: ApiClient, ids: string[]) => Promise<Map<string, string>>
  nothingFound: string
}

/** Names of goals, events and communities seen in suggestions or fetched once; contacts have their own cache. */
const knownNames = new Map<string, string>()

/** Suggestions that also teach the name cache, so a chosen record is named without another call. */
function remembered(options: Option[]): Option[] {
  for (const option of options) knownNames.set(option.value, option.label)
  return options
}

function namesBy(name: (api: ApiClient, id: string) => Promise<string>): Source['names'] {
  return async (api, ids) => {
    await Promise.all(ids.filter((id) => !knownNames.has(id)).map(async (id) => knownNames.set(id, await name(api, id))))
    return new Map(ids.map((id) => [id, knownNames.get(id) ?? '…']))
  }
}

const sources: Record<PickableKind, Source> = {
  contacts: {
    search: async (api, query) => {
      const result = await api.call('contacts.list', { ...(query ? { query } : {}), sort: 'name', limit: suggestionCount })
      if (!result.ok) return []
      rememberContactNames(result.value.rows)
      return result.value.rows.map((row) => ({ value: row.id, label: row.name }))
    },
    names: contactNames,
    nothingFound: 'No contact matches',
  },
  goals: {
    search: async (api, query) => {
      const result = await api.call('goals.list', { ...(query ? { query } : {}), limit: suggestionCount })
      return result.ok ? remembered(result.value.rows.map((row) => ({ value: row.id, label: row.title }))) : []
    },
    names: namesBy(async (api, id) => {
      const result = await api.call('goals.get', { id })
      return result.ok ? result.value.goal.title : 'Unknown goal'
    }),
    nothingFound: 'No goal matches',
  },
  events: {
    search: async (api, query) => {
      const result = await api.call('events.list', { ...(query ? { query } : {}), direction: 'desc', limit: suggestionCount })
      return result.ok ? remembered(result.value.rows.map((row) => ({ value: row.id, label: row.title }))) : []
    },
    names: namesBy(async (api, id) => {
      const result = await api.call('events.get', { id })
      return result.ok ? result.value.event.title : 'Unknown event'
    }),
    nothingFound: 'No event matches',
  },
  communities: {
    search: async (api, query) => {
      const result = await api.call('communities.list', { ...(query ? { query } : {}), limit: suggestionCount })
      return result.ok ? remembered(result.value.rows.map((row) => ({ value: row.id, label: row.name }))) : []
    },
    names: namesBy(async (api, id) => {
      const result = await api.call('communities.get', { id, recentInteractions: 0 })
      return result.ok ? result.value.community.name : 'Unknown community'
    }),
    nothingFound: 'No community matches',
  },
}

/** Names of records by id, asking the core only for the ones not seen yet. */
export function recordNames(api: ApiClient, kind: PickableKind, ids: string[]): Promise<Map<string, string>> {
  return sources[kind].names(api, ids)
}

export interface RecordPickerProps extends Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  kind: PickableKind
  value: string[]
  onChange: (ids: string[]) => void
  /** Leave these out of the suggestions (e.g. the contact being edited). */
  excludeIds?: string[]
}

/**
 * Type-ahead over contacts, goals, events or communities. Suggestions come from the index (the
 * kind's list with the typed text), so it stays quick at 10,000 records; chosen records keep their names.
 */
export function RecordPicker({ kind, value, onChange, excludeIds = [], ...props }: RecordPickerProps) {
  const api = useApi()
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search.trim(), 150)
  const [suggestions, setSuggestions] = useState<Option[]>([])
  const [names, setNames] = useState<Map<string, string>>(() => new Map())

  useEffect(() => {
    let cancelled = false
    void sources[kind].search(api, debounced).then((options) => {
      if (!cancelled) setSuggestions(options)
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

  const chosen = value.map((id) => ({ value: id, label: names.get(id) ?? '…' }))
  const data = [...chosen, ...suggestions.filter((option) => !value.includes(option.value) && !excludeIds.includes(option.value))]
  const full = props.maxValues !== undefined && value.length >= props.maxValues
  return (
    <MultiSelect
      searchable
      clearable
      classNames={full ? { inputField: classes.fullField } : undefined}
      {...props}
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      // The index already matched the text (names, organisations); do not filter its answer again.
      filter={({ options }) => options}
      hidePickedOptions
      // Without a message Mantine hides an empty dropdown (an empty listbox is an ARIA error).
      nothingFoundMessage={debounced ? sources[kind].nothingFound : undefined}
      // In the form's own landmark or dialog rather than a portal at the end of the page.
      comboboxProps={{ withinPortal: false }}
    />
  )
}
