import { Anchor, Button, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { CheckInDue, CheckInRow, ReflectionSchedule } from '@shared/api/reflection'
import { IconPlus } from '@tabler/icons-react'
import { formatRoute, navigate, type Route } from '../../app/route'
import { EmptyState } from '../../components/EmptyState'
import { addDays, formatDay, localDay } from '../network/dates'
import { useIndexQuery } from '../network/useIndexQuery'
import { OpenCheckIn, useCheckIn } from './CheckInDetail'
import { CheckInForm } from './CheckInForm'
import { questions } from './questions'
import { RatingsChart } from './RatingsChart'
import classes from './Reflection.module.css'
import { ScheduleSettings } from './ScheduleSettings'

/** The history shows this many check-ins (years of monthly ones); the chart has them all. */
const historyLimit = 200

function open(recordId?: string, editing?: boolean) {
  navigate({ section: 'check-ins', ...(recordId ? { recordId } : {}), ...(editing ? { editing } : {}) })
}

/** "Due now for 1 Mar – 31 Mar 2027", "Next one on 30 Apr 2027", or why there is none. */
export function dueSentence(due: CheckInDue): string {
  if (due.due && due.period) return `A check-in is due for ${formatDay(due.period.start)} – ${formatDay(due.period.end)}.`
  if (due.schedule.cadence === 'off') return 'Scheduled check-ins are off; you can still write one at any time.'
  if (due.nextDueOn) return `The next check-in is due on ${formatDay(due.nextDueOn)}.`
  return 'Add your next term end date to know when the next check-in is due.'
}

function ratingsLine(row: CheckInRow): string {
  return questions.map((q) => `${q.name} ${row.ratings[q.key] ?? '–'}`).join(' · ')
}

/**
 * Reflection check-ins (#/check-ins): the schedule, what is due, the form (?id=new), one
 * check-in (?id=…), and the history with the ratings over time.
 */
export function CheckInsView({ route }: { route: Route }) {
  const today = localDay()
  const settings = useIndexQuery((api) => api.call('reflection.settings', {}), 'settings', ['settings'])
  const due = useIndexQuery((api) => api.call('reflection.due', { today }), today, ['checkins'])
  const history = useIndexQuery((api) => api.call('checkIns.list', { limit: historyLimit }), 'history', ['checkins'])
  const schedule = settings.data?.schedule ?? due.data?.schedule

  function scheduleChanged(_next: ReflectionSchedule) {
    settings.reload()
    due.reload()
  }

  function saved(id: string) {
    notifications.show({ message: 'Check-in saved.', autoClose: 3000 })
    history.reload()
    due.reload()
    open(id)
  }

  const recordId = route.recordId
  return (
    <Stack gap="lg" p="md" className={classes.view}>
      <Title order={1} size="h3">
        Check-ins
      </Title>
      <Paper withBorder p="md">
        <Stack gap="sm">
          {schedule ? <ScheduleSettings schedule={schedule} onChanged={scheduleChanged} /> : <Loader size="xs" aria-label="Loading the schedule" />}
          {due.data ? (
            <Text size="sm" data-testid="check-in-due" role="status">
              {dueSentence(due.data)}
            </Text>
          ) : null}
          {recordId !== 'new' ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open('new')} style={{ alignSelf: 'flex-start' }}>
              Start check-in
            </Button>
          ) : null}
        </Stack>
      </Paper>

      {recordId === 'new' && schedule && due.data ? (
        <Paper withBorder p="md">
          <CheckInForm period={due.data.period ?? { start: addDays(today, -29), end: today }} cadence={schedule.cadence} today={today} onSaved={saved} onCancel={() => open()} />
        </Paper>
      ) : null}
      {recordId && recordId !== 'new' ? (
        <Paper withBorder p="md">
          {route.editing && schedule ? (
            <EditCheckIn id={recordId} cadence={schedule.cadence} today={today} onSaved={saved} />
          ) : (
            <OpenCheckIn id={recordId} onEdit={() => open(recordId, true)} onClosed={() => open()} />
          )}
        </Paper>
      ) : null}

      <section aria-labelledby="check-in-history">
        <Title order={2} size="h4" id="check-in-history" mb="sm">
          History{history.data ? ` (${history.data.total})` : ''}
        </Title>
        {!history.data ? (
          history.failed ? null : <Loader size="sm" aria-label="Loading the history" />
        ) : history.data.rows.length === 0 ? (
          <EmptyState title="No check-ins yet">Start one above: four questions about your goals, conversations and learning, with this period’s figures.</EmptyState>
        ) : (
          <Stack gap="md">
            {history.data.ratings.length > 1 ? <RatingsChart points={history.data.ratings} /> : null}
            <ul className={classes.list} aria-label="Check-in history" data-testid="check-in-history">
              {history.data.rows.map((row) => (
                <li key={row.id} className={classes.item} data-testid="check-in-history-item">
                  <Anchor href={formatRoute({ section: 'check-ins', recordId: row.id })} fw={600} size="sm" aria-current={row.id === recordId ? 'page' : undefined}>
                    Check-in of {formatDay(row.date)}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatDay(row.periodStart)} – {formatDay(row.periodEnd)} · {ratingsLine(row)}
                  </Text>
                </li>
              ))}
            </ul>
          </Stack>
        )}
      </section>
    </Stack>
  )
}

function EditCheckIn({ id, cadence, today, onSaved }: { id: string; cadence: ReflectionSchedule['cadence']; today: string; onSaved: (id: string) => void }) {
  const loaded = useCheckIn(id)
  if (!loaded.data) return loaded.failed ? null : <Loader size="sm" aria-label="Loading the check-in" />
  const { checkIn } = loaded.data
  return <CheckInForm editing={checkIn} period={{ start: checkIn.periodStart, end: checkIn.periodEnd }} cadence={cadence} today={today} onSaved={onSaved} onCancel={() => open(id)} />
}
