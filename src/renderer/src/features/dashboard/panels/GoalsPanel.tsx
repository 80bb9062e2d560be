import { Anchor, Badge, Group, Progress, Text } from '@mantine/core'
import type { DashboardSummary, GoalStatusRow } from '@shared/api/dashboard'
import { formatRoute } from '../../../app/route'
import { formatDay } from '../../network/dates'
import { goalStatusLabels, goalTargetLabels } from '../../network/labels'
import classes from '../Dashboard.module.css'
import { DashboardPanel, PanelEmpty } from '../DashboardPanel'
import { Figure, FigureList } from '../Figures'

/** How many goal rows the panel lists; the rest are on the goals screen. */
const shownGoals = 8

/** At risk first, then active, then the rest; nearest deadline first within each. */
function byUrgency(a: GoalStatusRow, b: GoalStatusRow): number {
  const rank = (row: GoalStatusRow) => (row.atRisk ? 0 : row.status === 'active' ? 1 : 2)
  return rank(a) - rank(b) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999')
}

function deadlineWords(row: GoalStatusRow): string {
  if (!row.deadline) return 'No deadline'
  if (row.daysLeft === null) return `Deadline ${formatDay(row.deadline)}`
  if (row.daysLeft < 0) return `Deadline passed ${formatDay(row.deadline)}`
  if (row.daysLeft === 0) return 'Due today'
  return `${row.daysLeft} day${row.daysLeft === 1 ? '' : 's'} left (${formatDay(row.deadline)})`
}

/** Progress per goal against its target and deadline, at-risk goals first. */
export function GoalsPanel({ goals }: { goals: DashboardSummary['goals'] }) {
  const rows = [...goals.rows].sort(byUrgency)
  return (
    <DashboardPanel id="goals" title="Goals" seeAll={{ href: formatRoute({ section: 'goals' }), label: 'All goals' }}>
      {rows.length === 0 ? (
        <PanelEmpty
          action={
            <Anchor href={formatRoute({ section: 'goals', recordId: 'new' })} size="sm">
              Set a goal
            </Anchor>
          }
        >
          No goals yet. A goal with a target and a deadline shows here with its progress, and is flagged when it falls behind.
        </PanelEmpty>
      ) : (
        <>
          <FigureList label="Goals">
            <Figure label="At risk" value={goals.atRisk} testId="goals-at-risk" />
            <Figure label="On track" value={goals.onTrack} />
            <Figure label="Achieved" value={goals.achieved} />
          </FigureList>
          <ul className={classes.list} aria-label="Goals by urgency">
            {rows.slice(0, shownGoals).map((row) => (
              <GoalItem key={row.id} row={row} />
            ))}
          </ul>
          {rows.length > shownGoals ? (
            <Text size="xs" c="dimmed">
              {rows.length - shownGoals} more on the goals screen.
            </Text>
          ) : null}
        </>
      )}
    </DashboardPanel>
  )
}

function GoalItem({ row }: { row: GoalStatusRow }) {
  const { progress } = row
  return (
    <li data-testid="dashboard-goal">
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Anchor href={formatRoute({ section: 'goals', recordId: row.id })} size="sm" fw={600} lineClamp={1}>
          {row.title}
        </Anchor>
        {row.atRisk ? (
          <Badge color="red.9" variant="filled" size="sm">
            At risk
          </Badge>
        ) : row.status !== 'active' ? (
          <Badge color="gray" variant="light" size="sm">
            {goalStatusLabels[row.status]}
          </Badge>
        ) : null}
      </Group>
      {progress ? (
        <div className={classes.goalBar}>
          <Progress
            value={progress.percent}
            color={row.atRisk ? 'red.8' : 'indigo.7'}
            aria-label={`${row.title}: ${progress.current} of ${progress.target}`}
            size="md"
            my={4}
          />
          {row.expectedPercent !== null ? <span aria-hidden className={classes.paceMarker} style={{ left: `${Math.min(100, row.expectedPercent)}%` }} /> : null}
        </div>
      ) : null}
      <Text size="xs" c="dimmed">
        {progress ? `${progress.current} of ${progress.target}${row.targetKind ? ` ${goalTargetLabels[row.targetKind].toLowerCase()}` : ''} · ` : 'No target · '}
        {row.expectedPercent !== null ? `expected ${Math.round(row.expectedPercent)}% by today · ` : ''}
        {deadlineWords(row)}
      </Text>
    </li>
  )
}
