import { Title } from '@mantine/core'
import type { Route } from '../../app/route'

/** Resources library: being built in this session (issue 6). */
export function ResourcesView({ route }: { route: Route }) {
  return (
    <Title order={1} size="h3" p="md" data-record-id={route.recordId}>
      Resources library
    </Title>
  )
}
