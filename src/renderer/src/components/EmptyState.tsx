import { Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

/** What a new user sees where content will appear, and what to do about it. */
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Stack align="center" gap="xs" py="xl" px="md" data-testid="empty-state">
      <Title order={2} size="h4" ta="center">
        {title}
      </Title>
      <Text size="sm" c="dimmed" ta="center" maw={360}>
        {children}
      </Text>
      {action}
    </Stack>
  )
}
