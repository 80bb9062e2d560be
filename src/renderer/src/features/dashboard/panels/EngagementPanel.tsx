import { Button } from '@mantine/core'
import { BarChart } from '@mantine/charts'
import type { DashboardSummary } from '@shared/api/dashboard'
import { IconMessagePlus } from '@tabler/icons-react'
import { quickLog } from '../../interactions/quickLogStore'
import { formatDay } from '../../network/dates'
import { ChartFigure } from '../ChartFigure'
import { DashboardPanel, PanelEmpty } from '../DashboardPanel'
import { weekLabel } from '../dashboardRange'
import { Figure, FigureList } from '../Figures'

/** Interactions and meaningful conversations (rated 2 or 3) per week, with their trends. */
export function EngagementPanel({ engagement, period }: { engagement: DashboardSummary['engagement']; period: string }) {
  const { interactions, meaningful, perWeek } = engagement
  const empty = interactions.current === 0
  const data = perWeek.map((week) => ({ week: weekLabel(week.weekStart), Interactions: week.interactions, Meaningful: week.meaningful }))
  const busiest = perWeek.reduce((best, week) => (week.interactions > (best?.interactions ?? -1) ? week : best), perWeek[0])
  return (
    <DashboardPanel id="engagement" title="Engagement">
      <FigureList label="Engagement">
        <Figure label="Interactions" value={interactions.current} trend={interactions} period={period} testId="figure-interactions" />
        <Figure label="Meaningful conversations" value={meaningful.current} trend={meaningful} period={period} testId="figure-meaningful" />
      </FigureList>
      {empty ? (
        <PanelEmpty
          action={
            <Button variant="light" size="compact-sm" mt="xs" leftSection={<IconMessagePlus size={14} aria-hidden />} onClick={() => quickLog.open([])}>
              Log an interaction
            </Button>
          }
        >
          No interactions logged in this period. Log conversations, messages and meetings, and rate how meaningful they were, to see your week-by-week engagement.
        </PanelEmpty>
      ) : (
        <ChartFigure
          label="Interactions and meaningful conversations per week"
          summary={`${perWeek.length} week${perWeek.length === 1 ? '' : 's'}${busiest ? `; busiest the week of ${formatDay(busiest.weekStart)} with ${busiest.interactions}` : ''}.`}
          table={{ columns: ['Week of', 'Interactions', 'Meaningful'], rows: perWeek.map((week) => [formatDay(week.weekStart), week.interactions, week.meaningful]) }}
          testId="chart-engagement"
        >
          <BarChart
            h={200}
            data={data}
            dataKey="week"
            series={[
              { name: 'Interactions', color: 'indigo.6' },
              { name: 'Meaningful', color: 'teal.7' },
            ]}
            withLegend
            accessibilityLayer={false}
            tickLine="y"
            yAxisProps={{ allowDecimals: false }}
          />
        </ChartFigure>
      )}
    </DashboardPanel>
  )
}
