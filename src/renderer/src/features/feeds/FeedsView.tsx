import { Title } from '@mantine/core'
import type { Route } from '../../app/route'

/** Feeds: being built in this session (issue 6). */
export function FeedsView({ route }: { route: Route }) {
  return (
    <Title order={1} size="h3" p="md" data-record-id={route.recordId}>
      Feeds
    </Title>
  )
}
