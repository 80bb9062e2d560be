import { Title } from '@mantine/core'
import type { Route } from '../../app/route'

/** Check-ins: being built in this session (issue 6). */
export function CheckInsView({ route }: { route: Route }) {
  return (
    <Title order={1} size="h3" p="md" data-record-id={route.recordId}>
      Check-ins
    </Title>
  )
}
