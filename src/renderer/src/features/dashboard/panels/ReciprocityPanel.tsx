import { Anchor, Table, Text } from '@mantine/core'
import { BarChart } from '@mantine/charts'
import type { DashboardSummary } from '@shared/api/dashboard'
import { formatRoute } from '../../../app/route'
import { ChartFigure } from '../ChartFigure'
import classes from '../Dashboard.module.css'
import { DashboardPanel, PanelEmpty } from '../DashboardPanel'
import { Figure, FigureList } from '../Figures'

/** People in the chart; the table lists all the contract sends (at most 20). */
const chartedPeople = 10

function balanceWords(given: number, received: number): string {
  if (given === 0 && received === 0) return ''
  if (given === received) return 'You gave as much as you received.'
  return given > received ? 'You gave more than you received.' : 'You received more than you gave.'
}

/** Help and resources given against received, overall and per person. */
export function ReciprocityPanel({ reciprocity, period }: { reciprocity: DashboardSummary['reciprocity']; period: string }) {
  const { given, received, people } = reciprocity
  const empty = given.current === 0 && received.current === 0 && people.length === 0
  return (
    <DashboardPanel id="reciprocity" title="Giving and receiving" seeAll={{ href: formatRoute({ section: 'resources' }), label: 'Resources' }}>
      {empty ? (
        <PanelEmpty>
          Nothing given or received in this period. Log help you gave or got as an interaction, or record a resource you shared or were sent, and the balance shows here.
        </PanelEmpty>
      ) : (
        <>
          <FigureList label="Giving and receiving">
            <Figure label="Given" value={given.current} trend={given} period={period} testId="figure-given" />
            <Figure label="Received" value={received.current} trend={received} period={period} testId="figure-received" />
          </FigureList>
          <Text size="sm">{balanceWords(given.current, received.current)}</Text>
          {people.length > 0 ? (
            <>
              <ChartFigure
                label="Given and received per person"
                summary={`The ${Math.min(people.length, chartedPeople)} people you exchanged most with; the table below lists the figures.`}
                describedBy="reciprocity-people"
                testId="chart-reciprocity"
              >
                <BarChart
                  h={Math.max(120, Math.min(people.length, chartedPeople) * 40 + 50)}
                  orientation="vertical"
                  data={people.slice(0, chartedPeople).map((person) => ({ name: person.contact.name, Given: person.given, Received: person.received }))}
                  dataKey="name"
                  series={[
                    { name: 'Given', color: 'indigo.6' },
                    { name: 'Received', color: 'grape.6' },
                  ]}
                  withLegend
                  accessibilityLayer={false}
                  yAxisProps={{ width: 110, interval: 0 }}
                  xAxisProps={{ allowDecimals: false }}
                />
              </ChartFigure>
              <Table id="reciprocity-people" className={classes.table} verticalSpacing={4}>
                <caption>Given and received per person</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Person</Table.Th>
                    <Table.Th scope="col">Given</Table.Th>
                    <Table.Th scope="col">Received</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {people.map((person) => (
                    <Table.Tr key={person.contact.id}>
                      <Table.Th scope="row" fw="normal">
                        <Anchor href={formatRoute({ section: 'contacts', recordId: person.contact.id })} size="sm">
                          {person.contact.name}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>{person.given}</Table.Td>
                      <Table.Td>{person.received}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          ) : null}
        </>
      )}
    </DashboardPanel>
  )
}
