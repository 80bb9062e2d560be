import { MultiSelect, type MultiSelectProps } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useEffect, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { contactNames, rememberContactNames } from './contactNames'

export interface ContactPickerProps extends Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  value: string[]
  onChange: (ids: string[]) => void
  /** Leave these out of the suggestions (e.g. the contact being edited). */
  excludeIds?: string[]
}

const suggestionCount = 20

/**
 * Type-ahead over all contacts: suggestions come from the index (contacts.list with the typed text),
 * so it stays quick at 10,000 contacts; chosen contacts keep their names.
 */
export function ContactPicker({ value, onChange, excludeIds = [], ...props }: ContactPickerProps) {
  const api = useApi()
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search.trim(), 150)
  const [suggestions, setSuggestions] = useState<Array<{ value: string; label: string }>>([])
  const [names, setNames] = useState<Map<string, string>>(() => new Map())

  useEffect(() => {
    let cancelled = false
    void api
      .call('contacts.list', { ...(debounced ? { query: debounced } : {}), sort: 'name', limit: suggestionCount })
      .then((result) => {
        if (cancelled || !result.ok) return
        rememberContactNames(result.value.rows)
        setSuggestions(result.value.rows.map((row) => ({ value: row.id, label: row.name })))
      })
    return () => {
      cancelled = true
    }
  }, [api, debounced])

  const valueKey = value.join(',')
  useEffect(() => {
    let cancelled = false
    void contactNames(api, valueKey ? valueKey.split(',') : []).then((found) => {
      if (!cancelled) setNames(found)
    })
    return () => {
      cancelled = true
    }
  }, [api, valueKey])

  const chosen = value.map((id) => ({ value: id, label: names.get(id) ?? '…' }))
  const data = [...chosen, ...suggestions.filter((option) => !value.includes(option.value) && !excludeIds.includes(option.value))]

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
      // The index already matched the text (names, organisations); do not filter its answer again.
      filter={({ options }) => options}
      hidePickedOptions
      // Without a message Mantine hides an empty dropdown (an empty listbox is an ARIA error).
      nothingFoundMessage={debounced ? 'No contact matches' : undefined}
      // In the form's own landmark or dialog rather than a portal at the end of the page.
      comboboxProps={{ withinPortal: false }}
    />
  )
}
