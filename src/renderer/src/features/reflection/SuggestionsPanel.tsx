import { Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { Suggestion } from '@shared/api/reflection'
import { IconBulb } from '@tabler/icons-react'
import { useId } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { useIndexQuery } from '../network/useIndexQuery'
import classes from './Reflection.module.css'

/** Every record kind a rule reads: a change to any of them may add or settle a suggestion. */
const watchedKinds = ['contacts', 'interactions', 'communities', 'events', 'goals', 'journal', 'resources', 'settings']

/** Suggestions for the range, each explained by its data, linking to it, and dismissible (with Undo). */
export function SuggestionsPanel({ from, to, today }: { from: string; to: string; today: string }) {
  const api = useApi()
  const headingId = useId()
  const suggestions = useIndexQuery((client) => client.call('suggestions.list', { from, to, today }), `${from}:${to}:${today}`, watchedKinds)
  const { reload } = suggestions

  async function dismiss(suggestion: Suggestion) {
    const result = await api.call('suggestions.dismiss', { key: suggestion.key })
    if (!result.ok) return
    reload()
    const toastId = `dismissed-${suggestion.key}`
    notifications.show({
      id: toastId,
      autoClose: 10_000,
      message: (
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="sm">Suggestion dismissed.</Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              notifications.hide(toastId)
              void api.call('suggestions.undismiss', { key: suggestion.key }).then((undone) => {
                if (undone.ok) reload()
              })
            }}
          >
            Undo
          </Button>
        </Group>
      ),
    })
  }

  const data = suggestions.data
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid="suggestions-panel">
      <Group gap="xs" mb="sm">
        <IconBulb size={18} aria-hidden />
        <Title order={2} size="h4" id={headingId}>
          Suggestions
        </Title>
      </Group>
      {!data ? (
        suggestions.failed ? null : <Loader size="sm" aria-label="Loading suggestions" />
      ) : data.suggestions.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing to suggest for this period{data.dismissedCount > 0 ? ` (${data.dismissedCount} dismissed)` : ''}.
        </Text>
      ) : (
        <ul className={classes.list} aria-label="Suggestions">
          {data.suggestions.map((suggestion) => (
            <SuggestionItem key={suggestion.key} suggestion={suggestion} onDismiss={() => void dismiss(suggestion)} />
          ))}
        </ul>
      )}
    </Paper>
  )
}

function SuggestionItem({ suggestion, onDismiss }: { suggestion: Suggestion; onDismiss: () => void }) {
  return (
    <li className={classes.item} data-testid="suggestion" data-kind={suggestion.kind}>
      <Stack gap={6}>
        <Title order={3} size="h6">
          {suggestion.title}
        </Title>
        <Text size="sm">{suggestion.explanation}</Text>
        <dl className={classes.evidence}>
          {suggestion.evidence.map((item) => (
            <div key={item.label}>
              <Text component="dt" size="xs" c="dimmed">
                {item.label}:
              </Text>
              <Text component="dd" size="xs" fw={600}>
                {item.value}
              </Text>
            </div>
          ))}
        </dl>
        <Group gap="sm">
          <Anchor href={suggestion.link.href} size="sm" fw={600}>
            {suggestion.link.label}
          </Anchor>
          <Button variant="subtle" color="gray" size="compact-sm" onClick={onDismiss} aria-label={`Dismiss “${suggestion.title}”`}>
            Dismiss
          </Button>
        </Group>
      </Stack>
    </li>
  )
}
