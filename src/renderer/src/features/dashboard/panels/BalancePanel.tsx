import { BarChart } from '@mantine/charts'
import type { DashboardSummary, WeekPoint } from '@shared/api/dashboard'
import { formatDay } from '../../network/dates'
import { ChartFigure } from '../ChartFigure'
import { DashboardPanel, PanelEmpty } from '../DashboardPanel'
import { weekLabel } from '../dashboardRange'
import { Figure, FigureList } from '../Figures'
import { describeShareChange, formatShare } from '../trend'

/** The share of in-person against online contact, per week and against the previous period. */
export function BalancePanel({ balance, perWeek, period }: { balance: DashboardSummary['balance']; perWeek: WeekPoint[]; period: string }) {
  const { inPerson, online, inPersonShare } = balance
  const share = inPersonShare.current
  return (
    <DashboardPanel id="balance" title="In person and online">
      {share === null ? (
        <PanelEmpty>No interactions in this period. Each one you log is counted as in person or online, and the balance between them shows here.</PanelEmpty>
      ) : (
        <>
          <FigureList label="In person and online">
            <Figure label="In person" value={inPerson.current} trend={inPerson} period={period} />
            <Figure label="Online" value={online.current} trend={online} period={period} />
            <Figure
              label="In-person share"
              value={formatShare(share)}
              change={{ words: describeShareChange(share, inPersonShare.previous, period), previous: inPersonShare.previous === null ? undefined : `${formatShare(inPersonShare.previous)} in ${period}` }}
              testId="figure-in-person-share"
            />
          </FigureList>
          <ChartFigure
            label="In-person and online interactions per week"
            summary={`${formatShare(share)} in person and ${formatShare(1 - share)} online over the period.`}
            table={{ columns: ['Week of', 'In person', 'Online'], rows: perWeek.map((week) => [formatDay(week.weekStart), week.inPerson, week.online]) }}
            testId="chart-balance"
          >
            <BarChart
              h={180}
              type="stacked"
              data={perWeek.map((week) => ({ week: weekLabel(week.weekStart), 'In person': week.inPerson, Online: week.online }))}
              dataKey="week"
              series={[
                { name: 'In person', color: 'orange.7' },
                { name: 'Online', color: 'cyan.7' },
              ]}
              withLegend
              accessibilityLayer={false}
              tickLine="y"
              yAxisProps={{ allowDecimals: false }}
            />
          </ChartFigure>
        </>
      )}
    </DashboardPanel>
  )
}
