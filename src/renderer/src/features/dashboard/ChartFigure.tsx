import { Table, Text, VisuallyHidden } from '@mantine/core'
import type { ReactNode } from 'react'
import classes from './Dashboard.module.css'

export interface ChartTable {
  columns: string[]
  rows: Array<Array<string | number>>
}

/**
 * A chart is a picture: it gets a name (role img), and its numbers are also given as a visually
 * hidden table, or `describedBy` points at a visible one, so a screen reader reads the figures.
 */
export function ChartFigure({ label, summary, table, describedBy, children, testId }: { label: string; summary: string; table?: ChartTable; describedBy?: string; children: ReactNode; testId?: string }) {
  return (
    <figure className={classes.chart} data-testid={testId}>
      <div role="img" aria-label={label} aria-describedby={describedBy}>
        {children}
      </div>
      <Text component="figcaption" size="xs" c="dimmed">
        {summary}
      </Text>
      {table ? (
        <VisuallyHidden>
          <Table>
            <caption>{label}</caption>
            <Table.Thead>
              <Table.Tr>
                {table.columns.map((column) => (
                  <Table.Th key={column} scope="col">
                    {column}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((row, index) => (
                <Table.Tr key={index}>
                  {row.map((cell, column) =>
                    column === 0 ? (
                      <Table.Th key={column} scope="row">
                        {cell}
                      </Table.Th>
                    ) : (
                      <Table.Td key={column}>{cell}</Table.Td>
                    ),
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </VisuallyHidden>
      ) : null}
    </figure>
  )
}
