import { Anchor, Card, Group, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import classes from './Dashboard.module.css'

/** One panel of the dashboard: a titled region, with an optional link to the full list. */
export function DashboardPanel({ id, title, seeAll, children }: { id: string; title: string; seeAll?: { href: string; label: string }; children: ReactNode }) {
  const headingId = `dashboard-${id}-heading`
  return (
    <Card withBorder component="section" aria-labelledby={headingId} className={classes.panel} data-testid={`dashboard-${id}`}>
      <Group justify="space-between" wrap="nowrap">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        {seeAll ? (
          <Anchor href={seeAll.href} size="sm">
            {seeAll.label}
          </Anchor>
        ) : null}
      </Group>
      {children}
    </Card>
  )
}

/** What a panel says when there is nothing to count yet, and where to start. */
export function PanelEmpty({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div data-testid="panel-empty">
      <Text size="sm" c="dimmed">
        {children}
      </Text>
      {action}
    </div>
  )
}
