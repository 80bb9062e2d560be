import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import type { Route } from '../../app/route'
import { navigate } from '../../app/route'
import { localDay } from '../network/dates'
import { useIndexQuery } from '../network/useIndexQuery'
import { CheckInDueCard } from '../reflection/CheckInDueCard'
import { SuggestionsPanel } from '../reflection/SuggestionsPanel'
import { TermReportButton } from '../termReport/TermReportButton'
import classes from './Dashboard.module.css'
import { previousPeriodLabel, rangeDays, resolveRange, type DateRange } from './dashboardRange'
import { BalancePanel } from './panels/BalancePanel'
import { BreadthPanel } from './panels/BreadthPanel'
import { EngagementPanel } from './panels/EngagementPanel'
import { GoalsPanel } from './panels/GoalsPanel'
import { KeepingInTouchPanel } from './panels/KeepingInTouchPanel'
import { LearningPanel } from './panels/LearningPanel'
import { ReciprocityPanel } from './panels/ReciprocityPanel'
import { RangeSelector } from './RangeSelector'
import { useDashboardSummary } from './useDashboardSummary'

const noTermEnds: readonly string[] = []

/**
 * The home screen: are you reaching your goals, having meaningful conversations, giving back,
 * and learning? Every figure comes from the core for the range in the URL, with its trend.
 */
export function DashboardView({ route }: { route: Route }) {
  const today = localDay()
  const range = resolveRange(route, today)
  const { summary, loading, error, reload } = useDashboardSummary(range.from, range.to, today)
  // The term end dates the teacher gave for check-ins also say when "This term" began.
  const reflection = useIndexQuery((api) => api.call('reflection.settings', {}), 'reflection-settings', ['settings', 'checkins'])
  const termEnds = reflection.data?.schedule.termEnds ?? noTermEnds
  const period = previousPeriodLabel(summary?.range.days ?? rangeDays(range))

  function changeRange(next: DateRange) {
    navigate({ section: 'dashboard', from: next.from, to: next.to }, { replace: true })
  }

  return (
    <Stack gap="md" p="md" className={classes.view}>
      <Group justify="space-between" align="flex-start">
        <Title order={1} size="h3">
          Dashboard
        </Title>
        <TermReportButton from={range.from} to={range.to} today={today} />
      </Group>
      <CheckInDueCard today={today} />
      <Group justify="space-between" align="flex-end">
        <RangeSelector range={range} today={today} termEnds={termEnds} onChange={changeRange} />
        {loading && summary ? (
          <Group gap="xs" role="status">
            <Loader size="xs" aria-hidden />
            <Text size="sm">Updating…</Text>
          </Group>
        ) : null}
      </Group>
      {error ? (
        <Alert color="red" title="The dashboard could not be computed" role="alert" data-testid="dashboard-error">
          <Text size="sm" mb="xs">
            {error}
          </Text>
          <Button size="compact-sm" variant="light" color="red" onClick={reload}>
            Try again
          </Button>
        </Alert>
      ) : null}
      {summary ? (
        <div className={classes.panels} aria-busy={loading} data-testid="dashboard-panels">
          <GoalsPanel goals={summary.goals} />
          <EngagementPanel engagement={summary.engagement} period={period} />
          <BalancePanel balance={summary.balance} perWeek={summary.engagement.perWeek} period={period} />
          <ReciprocityPanel reciprocity={summary.reciprocity} period={period} />
          <KeepingInTouchPanel keepingInTouch={summary.keepingInTouch} />
          <LearningPanel learning={summary.learning} period={period} />
          <BreadthPanel breadth={summary.breadth} period={period} />
        </div>
      ) : loading ? (
        <Group gap="xs" role="status" p="md">
          <Loader size="sm" aria-hidden />
          <Text size="sm">Loading the dashboard…</Text>
        </Group>
      ) : null}
      <SuggestionsPanel from={range.from} to={range.to} today={today} />
    </Stack>
  )
}
