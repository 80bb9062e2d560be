import { LineChart } from '@mantine/charts'
import { Table, Text, VisuallyHidden } from '@mantine/core'
import type { CheckInRatingPoint } from '@shared/api/reflection'
import { useId } from 'react'
import { formatDay } from '../network/dates'
import { questions } from './questions'

const colours = ['indigo.6', 'teal.7', 'orange.8', 'grape.6'] as const

/** "Goals went from 2 to 4" for each question rated at least twice: the chart's gist in words. */
export function ratingsSummary(points: readonly CheckInRatingPoint[]): string {
  const parts = questions.flatMap((q) => {
    const rated = points.map((p) => p[q.key]).filter((r): r is number => r !== null)
    if (rated.length === 0) return []
    if (rated.length === 1) return [`${q.name} ${rated[0]}`]
    const first = rated[0]!
    const last = rated.at(-1)!
    return [`${q.name} ${first === last ? `stayed at ${last}` : `went from ${first} to ${last}`}`]
  })
  return parts.length === 0 ? 'No ratings yet.' : `Over ${points.length} check-in${points.length === 1 ? '' : 's'}: ${parts.join('; ')}.`
}

/**
 * The four ratings over time as lines, named as a picture, with the summary in words and every
 * rating in a visually hidden table for screen readers.
 */
export function RatingsChart({ points }: { points: readonly CheckInRatingPoint[] }) {
  const summaryId = useId()
  const data = points.map((p) => ({ date: formatDay(p.date), ...Object.fromEntries(questions.map((q) => [q.name, p[q.key]])) }))
  return (
    <figure style={{ margin: 0 }} data-testid="ratings-chart">
      <div role="img" aria-label="Ratings over time, 1 to 5, one line per question" aria-describedby={summaryId}>
        <LineChart
          h={220}
          data={data}
          dataKey="date"
          series={questions.map((q, i) => ({ name: q.name, color: colours[i]! }))}
          yAxisProps={{ domain: [1, 5], ticks: [1, 2, 3, 4, 5], allowDecimals: false }}
          connectNulls
          withLegend
          accessibilityLayer={false}
          tickLine="y"
        />
      </div>
      <Text component="figcaption" size="xs" c="dimmed" id={summaryId} mt={4}>
        {ratingsSummary(points)}
      </Text>
      <VisuallyHidden>
        <Table>
          <caption>Ratings of each check-in</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Check-in</Table.Th>
              {questions.map((q) => (
                <Table.Th key={q.key} scope="col">
                  {q.name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Th scope="row">{formatDay(p.date)}</Table.Th>
                {questions.map((q) => (
                  <Table.Td key={q.key}>{p[q.key] ?? 'not rated'}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </figure>
  )
}
