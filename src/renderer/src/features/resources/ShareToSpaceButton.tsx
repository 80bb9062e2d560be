import { Button, Group, Loader, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { projectLimits } from '@shared/api/projects'
import type { SpaceSummary } from '@shared/api/spaces'
import { IconShare } from '@tabler/icons-react'
import { useEffect, useState, type FormEvent } from 'react'
import { DialogModal } from '../../components/DialogModal'
import { useApi } from '../../platform/PlatformContext'
import { localDay } from '../network/dates'

const httpLink = /^https?:\/\/\S+$/i
const kindLabel = { project: 'Project', circle: 'Circle' } as const

export interface ShareToSpaceButtonProps {
  /** What is shared; the dialog shows both for checking, and asks for them when empty. */
  title: string
  url: string | null
  /** The reading-list item it comes from, recorded with the ledger entry. */
  readingId?: string
}

/**
 * Shares a link into a project or circle the teacher can write to, and records it in the resources
 * library as given to that space's members (resources.shareToSpace).
 */
export function ShareToSpaceButton({ title, url, readingId }: ShareToSpaceButtonProps) {
  const [opened, setOpened] = useState(false)
  return (
    <>
      <Button
        variant="default"
        size="compact-sm"
        leftSection={<IconShare size={16} aria-hidden />}
        aria-label={title ? `Share to a space: ${title}` : undefined}
        onClick={() => setOpened(true)}
      >
        Share to a space
      </Button>
      <DialogModal opened={opened} onClose={() => setOpened(false)} title="Share to a project or circle">
        {opened ? <ShareForm initialTitle={title} initialUrl={url ?? ''} readingId={readingId} onDone={() => setOpened(false)} /> : null}
      </DialogModal>
    </>
  )
}

function ShareForm({ initialTitle, initialUrl, readingId, onDone }: { initialTitle: string; initialUrl: string; readingId?: string; onDone: () => void }) {
  const api = useApi()
  const [spaces, setSpaces] = useState<SpaceSummary[] | null>(null)
  const [choice, setChoice] = useState('')
  const [title, setTitle] = useState(initialTitle)
  const [link, setLink] = useState(initialUrl)
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<{ title?: string; link?: string; space?: string }>({})
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    let cancelled = false
    void api.call('spaces.list', {}).then((result) => {
      if (cancelled) return
      // Only spaces this person can add to: the core would refuse a viewer anyway.
      const writable = result.ok ? result.value.spaces.filter((space) => space.present && space.myRole !== 'viewer') : []
      setSpaces(writable)
      setChoice(writable[0] ? `${writable[0].kind}:${writable[0].id}` : '')
    })
    return () => {
      cancelled = true
    }
  }, [api])

  if (spaces === null) return <Loader size="sm" aria-label="Loading your projects and circles" />
  if (spaces.length === 0) {
    return (
      <Stack gap="sm">
        <Text size="sm">You are not in a project or circle you can add to yet. Start one under Shared spaces, or ask its owner for editor access.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Close
          </Button>
        </Group>
      </Stack>
    )
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const found = { title: title.trim() ? undefined : 'Give the link a title.', link: httpLink.test(link.trim()) ? undefined : 'A link starts with http:// or https://.', space: choice ? undefined : 'Pick a project or circle.' }
    setErrors(found)
    if (found.title || found.link || found.space) return
    const [spaceKind, spaceId] = choice.split(/:(.*)/s) as ['project' | 'circle', string]
    setSaving(true)
    const result = await api.call('resources.shareToSpace', { spaceKind, spaceId, title: title.trim(), url: link.trim(), note: note.trim(), readingId: readingId ?? null, today: localDay() })
    setSaving(false)
    if (!result.ok) return
    const where = result.value.space.title || 'the space'
    notifications.show({ color: 'green', message: `Shared “${result.value.row.title}” to ${where}. It is in your resources library as given.` })
    onDone()
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Share a link" noValidate>
      <Stack gap="sm">
        <NativeSelect
          label="Project or circle"
          required
          withAsterisk
          value={choice}
          onChange={(event) => setChoice(event.currentTarget.value)}
          error={errors.space}
          data={spaces.map((space) => ({ value: `${space.kind}:${space.id}`, label: `${kindLabel[space.kind]}: ${space.title || 'Untitled'}` }))}
        />
        <TextInput label="Title" required withAsterisk value={title} maxLength={projectLimits.titleChars} onChange={(event) => setTitle(event.currentTarget.value)} error={errors.title} />
        <TextInput label="Link" type="url" placeholder="https://…" required withAsterisk value={link} onChange={(event) => setLink(event.currentTarget.value)} error={errors.link} />
        <Textarea label="Note" description="Optional: why it helps, or how you used it" autosize minRows={2} maxRows={6} maxLength={projectLimits.noteChars} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Share
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
