import { Button, Group, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { NoteSummary } from '@shared/api/notes'
import { useMemo } from 'react'
import { useRoute } from '../../app/route'
import { useApi } from '../../platform/PlatformContext'

export function displayTitle(title: string): string {
  return title.trim() || 'Untitled note'
}

/** Note commands shared by the list, the editor, the palette and the shortcuts. */
export function useNoteActions() {
  const api = useApi()
  const [route, go] = useRoute()

  return useMemo(() => {
    async function createNote(): Promise<NoteSummary | undefined> {
      const result = await api.call('notes.create', {})
      if (!result.ok) return undefined
      const note = (await placeInCurrentList(result.value)) ?? result.value
      const section = route.section === 'all' || route.section === 'pinned' || route.section === 'tag' ? route.section : 'all'
      go({ ...route, section, noteId: note.id })
      return note
    }

    /** A note made while viewing a tag or Pinned gets that tag or pin, so it shows in the list it was made from. */
    async function placeInCurrentList(note: NoteSummary): Promise<NoteSummary | undefined> {
      if (route.section === 'tag' && route.tag) return setTags(note.id, [route.tag])
      if (route.section === 'pinned') return setPinned(note.id, true)
      return note
    }

    async function restore(id: string) {
      const result = await api.call('notes.restore', { id })
      if (result.ok) notifications.show({ message: `“${displayTitle(result.value.title)}” is back in your notes.` })
      return result.ok
    }

    async function trash(note: Pick<NoteSummary, 'id' | 'title'>) {
      const result = await api.call('notes.trash', { id: note.id })
      if (!result.ok) return false
      if (route.noteId === note.id) go({ ...route, noteId: undefined }, { replace: true })
      const toastId = `trashed-${note.id}`
      notifications.show({
        id: toastId,
        autoClose: 8000,
        message: (
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm">Moved “{displayTitle(note.title)}” to the trash.</Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => {
                notifications.hide(toastId)
                void restore(note.id)
              }}
            >
              Undo
            </Button>
          </Group>
        ),
      })
      return true
    }

    async function deleteForever(id: string) {
      const result = await api.call('notes.deleteForever', { id })
      return result.ok
    }

    async function emptyTrash() {
      const result = await api.call('notes.emptyTrash', {})
      if (result.ok) notifications.show({ message: `Deleted ${result.value.deleted} note${result.value.deleted === 1 ? '' : 's'} forever.` })
      return result.ok
    }

    async function setPinned(id: string, pinned: boolean) {
      const result = await api.call('notes.setPinned', { id, pinned })
      return result.ok ? result.value : undefined
    }

    async function setTags(id: string, tags: string[]) {
      const result = await api.call('notes.setTags', { id, tags })
      return result.ok ? result.value : undefined
    }

    return { createNote, trash, restore, deleteForever, emptyTrash, setPinned, setTags }
  }, [api, route, go])
}
