import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { IconPin } from '@tabler/icons-react'
import { circleLimits } from '@shared/api/circles'
import { useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import type { CirclePanelProps } from './circlePanel'
import { formatWhen } from './circleText'
import classes from './CircleView.module.css'

/** The pinned announcement at the top of a circle; its owner writes, changes or takes it down. */
export function CircleAnnouncement({ circle, canWrite, onChanged }: CirclePanelProps) {
  const api = useApi()
  const canEdit = canWrite && circle.myRole === 'owner'
  const [draft, setDraft] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function save(text: string | null) {
    setBusy(true)
    setError(null)
    const result = await api.call('circles.setAnnouncement', { circleId: circle.id, text })
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    onChanged(result.value.circle)
    setDraft(null)
  }

  if (draft !== null) {
    return (
      <form
        aria-label="Announcement"
        onSubmit={(event) => {
          event.preventDefault()
          if (draft.trim()) void save(draft)
        }}
      >
        <Stack gap="xs">
          <Textarea label="Announcement" description="Pinned at the top for every member." autosize minRows={2} maxLength={circleLimits.announcementChars} value={draft} onChange={(event) => setDraft(event.currentTarget.value)} data-autofocus />
          {error && (
            <Alert color="red" role="alert" p="xs">
              {error}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" onClick={() => setDraft(null)}>
              Cancel
            </Button>
            <Button type="submit" size="xs" loading={busy} disabled={!draft.trim()}>
              Pin announcement
            </Button>
          </Group>
        </Stack>
      </form>
    )
  }

  if (!circle.announcement) {
    return canEdit ? (
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPin size={16} aria-hidden />} onClick={() => setDraft('')}>
          Pin an announcement
        </Button>
      </Group>
    ) : null
  }

  return (
    <section aria-label="Announcement">
      <Alert color="blue" variant="light" icon={<IconPin size={18} aria-hidden />} title="Announcement">
        <Stack gap={4}>
          <Text size="sm" className={classes.text}>
            {circle.announcement.text}
          </Text>
          <Text size="xs" c="dimmed">
            {circle.announcement.authorName} · {formatWhen(circle.announcement.at)}
          </Text>
          {error && (
            <Text size="xs" c="red" role="alert">
              {error}
            </Text>
          )}
          {canEdit && (
            <Group gap="xs" mt={4}>
              <Button variant="default" size="xs" onClick={() => setDraft(circle.announcement?.text ?? '')}>
                Edit announcement
              </Button>
              <Button variant="default" size="xs" loading={busy} onClick={() => void save(null)}>
                Take down
              </Button>
            </Group>
          )}
        </Stack>
      </Alert>
    </section>
  )
}
