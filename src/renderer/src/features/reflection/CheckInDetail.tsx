import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import type { CheckIn } from '@shared/network/records'
import { IconPencil, IconTrash } from '@tabler/icons-react'
import { useId } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { EmptyState } from '../../components/EmptyState'
import { formatDay } from '../network/dates'
import { changeWithUndo } from '../network/undoToast'
import { useIndexQuery } from '../network/useIndexQuery'
import { CheckInFigures } from './CheckInFigures'
import { cadenceLabels, questions, ratingWords } from './questions'

/** Loads one check-in (again when the index says check-ins changed). */
export function useCheckIn(id: string) {
  return useIndexQuery((api) => api.call('checkIns.get', { id }), id, ['checkins'])
}

/** One check-in as written: its period, the figures it saw, and the four answers. */
export function CheckInDetail({ checkIn, onEdit, onDeleted }: { checkIn: CheckIn; onEdit: () => void; onDeleted: () => void }) {
  const api = useApi()
  const headingId = useId()

  async function remove() {
    const deleted = await changeWithUndo(api, 'Check-in deleted.', () => api.call('checkIns.delete', { id: checkIn.id }))
    if (deleted) onDeleted()
  }

  return (
    <Stack component="article" gap="md" aria-labelledby={headingId} data-testid="check-in-detail">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h4" id={headingId}>
            Check-in of {formatDay(checkIn.date)}
          </Title>
          <Text size="sm" c="dimmed">
            {cadenceLabels[checkIn.cadence]} · {formatDay(checkIn.periodStart)} – {formatDay(checkIn.periodEnd)}
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="light" size="compact-sm" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit}>
            Edit
          </Button>
          <Button variant="light" color="red" size="compact-sm" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => void remove()}>
            Delete
          </Button>
        </Group>
      </Group>
      <CheckInFigures figures={checkIn.figures} />
      {questions.map((q) => {
        const rating = checkIn[q.rating]
        const text = checkIn[q.text].trim()
        return (
          <section key={q.key} aria-label={q.question}>
            <Text fw={600} size="sm">
              {q.question}
            </Text>
            <Text size="sm" c="dimmed">
              {rating === null ? 'Not rated' : `${rating} of 5 · ${ratingWords[rating]}`}
            </Text>
            {text ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {text}
              </Text>
            ) : null}
          </section>
        )
      })}
    </Stack>
  )
}

/** The open check-in by id: loading, missing, or its detail. */
export function OpenCheckIn({ id, onEdit, onClosed }: { id: string; onEdit: () => void; onClosed: () => void }) {
  const loaded = useCheckIn(id)
  if (loaded.data) return <CheckInDetail checkIn={loaded.data.checkIn} onEdit={onEdit} onDeleted={onClosed} />
  if (loaded.failed) return <EmptyState title="Check-in not found">It may have been deleted, or not reached this device yet.</EmptyState>
  return <Loader size="sm" aria-label="Loading the check-in" />
}
