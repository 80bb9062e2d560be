import { Autocomplete, Button, Checkbox, Group, Modal, NativeSelect, NumberInput, Stack, Text } from '@mantine/core'
import { limits } from '@shared/limits'
import { normaliseTag } from '@shared/notes/tags'
import { useState, type FormEvent } from 'react'

export type BulkEdit = 'add-tag' | 'remove-tag' | 'cadence'

/** What the user chose in the dialog: becomes one `contacts.bulkUpdate` call. */
export type BulkChange = { addTags: string[] } | { removeTags: string[] } | { cadenceDays: number | null }

const titles: Record<BulkEdit, string> = {
  'add-tag': 'Add a tag',
  'remove-tag': 'Remove a tag',
  cadence: 'Keep in touch',
}

interface BulkEditModalProps {
  edit: BulkEdit | null
  /** "3 contacts". */
  count: string
  tags: string[]
  onClose: () => void
  onApply: (change: BulkChange) => void
}

/** The one question a bulk edit needs (which tag, how often), asked in a dialog. */
export function BulkEditModal({ edit, count, tags, onClose, onApply }: BulkEditModalProps) {
  return (
    <Modal opened={edit !== null} onClose={onClose} title={edit ? `${titles[edit]} · ${count}` : ''} centered>
      {edit ? <BulkEditForm key={edit} edit={edit} count={count} tags={tags} onClose={onClose} onApply={onApply} /> : null}
    </Modal>
  )
}

function BulkEditForm({ edit, count, tags, onClose, onApply }: BulkEditModalProps & { edit: BulkEdit }) {
  const [tag, setTag] = useState(edit === 'remove-tag' ? (tags[0] ?? '') : '')
  const [days, setDays] = useState<string | number>(30)
  const [noCadence, setNoCadence] = useState(false)
  const [error, setError] = useState<string | null>(null)

  function submit(event: FormEvent) {
    event.preventDefault()
    if (edit === 'cadence') {
      const value = Number(days)
      if (!noCadence && !(Number.isInteger(value) && value >= 1 && value <= 3650)) return setError('Enter a whole number of days from 1 to 3650')
      return onApply({ cadenceDays: noCadence ? null : value })
    }
    if (tag.trim().length > limits.tagChars) return setError(`A tag has at most ${limits.tagChars} characters`)
    const value = normaliseTag(tag)
    if (!value) return setError('Choose a tag')
    onApply(edit === 'add-tag' ? { addTags: [value] } : { removeTags: [value] })
  }

  return (
    <form onSubmit={submit} aria-label={titles[edit]} noValidate>
      <Stack>
        {edit === 'add-tag' ? (
          <Autocomplete label="Tag" data={tags} value={tag} onChange={setTag} error={error} data-autofocus required />
        ) : edit === 'remove-tag' ? (
          tags.length === 0 ? (
            <Text size="sm">No contact has a tag yet.</Text>
          ) : (
            <NativeSelect label="Tag" data={tags} value={tag} onChange={(event) => setTag(event.currentTarget.value)} error={error} data-autofocus />
          )
        ) : (
          <>
            <NumberInput
              label="Keep in touch every (days)"
              min={1}
              max={3650}
              allowDecimal={false}
              value={days}
              onChange={setDays}
              disabled={noCadence}
              error={error}
              data-autofocus
            />
            <Checkbox
              label="No cadence of their own (their tags’ cadence or the default applies)"
              checked={noCadence}
              onChange={(event) => setNoCadence(event.currentTarget.checked)}
            />
          </>
        )}
        <Text size="sm" c="dimmed">
          Applies to {count}. You can undo it right after.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={edit === 'remove-tag' && tags.length === 0}>
            {edit === 'add-tag' ? 'Add tag' : edit === 'remove-tag' ? 'Remove tag' : 'Set cadence'}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
