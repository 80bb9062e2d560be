import { Button, Checkbox, Group, Menu, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconChevronDown, IconClockHeart, IconTag, IconTagOff, IconTrash, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useRoute } from '../../app/route'
import { useApi } from '../../platform/PlatformContext'
import { changeWithUndo } from '../network/undoToast'
import { BulkEditModal, type BulkChange, type BulkEdit } from './BulkEditModal'
import classes from './BulkActions.module.css'
import type { Selection } from './useSelection'

/** The most ids one bulk call takes (`contacts.bulkUpdate`, `contacts.bulkDelete`). */
export const bulkLimit = 10_000

export const contactsCount = (n: number) => `${n.toLocaleString()} contact${n === 1 ? '' : 's'}`

interface BulkActionsProps {
  selection: Selection
  /** How many contacts match the current filter. */
  total: number
  /** Every id matching the current filter (at most `bulkLimit`), or null if the list failed. */
  loadAllIds: () => Promise<string[] | null>
  tags: string[]
  /** The contact open beside the list: if it is deleted, the detail pane closes. */
  openId?: string
}

/** Select all matching, the selection count (announced), and the bulk edits with Undo. */
export function BulkActions({ selection, total, loadAllIds, tags, openId }: BulkActionsProps) {
  const api = useApi()
  const [, go] = useRoute()
  const [edit, setEdit] = useState<BulkEdit | null>(null)
  const [selecting, setSelecting] = useState(false)
  const count = selection.ids.size
  const all = count > 0 && count >= Math.min(total, bulkLimit)

  async function toggleAll() {
    if (all) return selection.clear()
    setSelecting(true)
    const ids = await loadAllIds()
    setSelecting(false)
    if (!ids) return
    selection.set(ids)
    if (total > bulkLimit) notifications.show({ message: `Selected the first ${bulkLimit.toLocaleString()}: one bulk edit changes at most that many.` })
  }

  async function apply(change: BulkChange) {
    setEdit(null)
    const ids = [...selection.ids]
    const who = contactsCount(ids.length)
    const message =
      'addTags' in change
        ? `Added “${change.addTags[0]}” to ${who}.`
        : 'removeTags' in change
          ? `Removed “${change.removeTags[0]}” from ${who}.`
          : change.cadenceDays === null
            ? `Cleared the cadence of ${who}.`
            : `${who}: keep in touch every ${change.cadenceDays} days.`
    if (await changeWithUndo(api, message, () => api.call('contacts.bulkUpdate', { ids, ...change }))) selection.clear()
  }

  async function remove() {
    const ids = [...selection.ids]
    if (!(await changeWithUndo(api, `Deleted ${contactsCount(ids.length)}.`, () => api.call('contacts.bulkDelete', { ids })))) return
    selection.clear()
    if (openId && ids.includes(openId)) go({ section: 'contacts' }, { replace: true })
  }

  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" className={classes.bar}>
      <Checkbox
        size="xs"
        label={`Select all ${total.toLocaleString()}`}
        checked={all}
        indeterminate={count > 0 && !all}
        disabled={total === 0 || selecting}
        onChange={() => void toggleAll()}
      />
      <Group gap="xs" wrap="nowrap">
        <Text size="xs" role="status" aria-live="polite" className={classes.count}>
          {count > 0 ? `${count.toLocaleString()} selected` : ''}
        </Text>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="compact-xs" variant="light" disabled={count === 0} rightSection={<IconChevronDown size={14} aria-hidden />}>
              Edit selected
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconTag size={14} aria-hidden />} onClick={() => setEdit('add-tag')}>
              Add a tag…
            </Menu.Item>
            <Menu.Item leftSection={<IconTagOff size={14} aria-hidden />} onClick={() => setEdit('remove-tag')}>
              Remove a tag…
            </Menu.Item>
            <Menu.Item leftSection={<IconClockHeart size={14} aria-hidden />} onClick={() => setEdit('cadence')}>
              Keep in touch…
            </Menu.Item>
            <Menu.Item leftSection={<IconX size={14} aria-hidden />} onClick={selection.clear}>
              Clear selection
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => void remove()}>
              Delete {contactsCount(count)}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <BulkEditModal edit={edit} count={contactsCount(count)} tags={tags} onClose={() => setEdit(null)} onApply={(change) => void apply(change)} />
    </Group>
  )
}
