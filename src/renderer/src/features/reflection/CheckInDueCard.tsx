import { Button, Group, Paper, Text } from '@mantine/core'
import { IconNotebook } from '@tabler/icons-react'
import { formatRoute } from '../../app/route'
import { formatDay } from '../network/dates'
import { useIndexQuery } from '../network/useIndexQuery'

/** Says when a check-in is due on the teacher's schedule and starts it; nothing when none is due. */
export function CheckInDueCard({ today }: { today: string }) {
  const due = useIndexQuery((api) => api.call('reflection.due', { today }), today, ['checkins'])
  const period = due.data?.due ? due.data.period : null
  if (!period) return null
  return (
    <Paper withBorder p="sm" component="section" aria-label="Check-in due" data-testid="check-in-due-card">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          Time to reflect: a check-in is due for {formatDay(period.start)} – {formatDay(period.end)}.
        </Text>
        <Button component="a" href={formatRoute({ section: 'check-ins', recordId: 'new' })} size="compact-sm" leftSection={<IconNotebook size={14} aria-hidden />}>
          Start check-in
        </Button>
      </Group>
    </Paper>
  )
}
