import { Anchor, Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { FollowUpRow, LosingTouchRow } from '@shared/api/keepingInTouch'
import { IconCheck, IconMessagePlus } from '@tabler/icons-react'
import { formatRoute } from '../../app/route'
import { EmptyState } from '../../components/EmptyState'
import { useApi } from '../../platform/PlatformContext'
import { quickLog } from '../interactions/quickLogStore'
import { formatDay } from '../network/dates'
import { interactionKindLabels } from '../network/labels'
import classes from './KeepInTouchView.module.css'
import { CadenceSettings } from './CadenceSettings'
import { SnoozeMenu } from './SnoozeMenu'
import { useKeepInTouchOverview } from './useKeepInTouch'

function overdue(days: number): string {
  if (days <= 0) return 'due today'
  return `${days} day${days === 1 ? '' : 's'} overdue`
}

/** People whose keep-in-touch cadence ran out, and follow-ups that are due: log, snooze or mark done. */
export function KeepInTouchView() {
  const api = useApi()
  const overview = useKeepInTouchOverview()

  async function snooze(target: { contactId: string } | { interactionId: string }, until: string, name: string) {
    const result = await api.call('keepingInTouch.snooze', { ...target, until })
    if (result.ok) notifications.show({ message: `Snoozed ${name} until ${formatDay(until)}.`, autoClose: 4000 })
  }

  async function markDone(row: FollowUpRow) {
    const result = await api.call('interactions.setFollowUpDone', { id: row.interaction.id, done: true })
    if (result.ok) notifications.show({ message: 'Follow-up done.', autoClose: 3000 })
  }

  if (!overview.data) return overview.failed ? null : <Loader m="md" aria-label="Loading" />
  const { losingTouch, losingTouchTotal, followUpsDue, followUpsDueTotal } = overview.data

  return (
    <Stack gap="xl" p="md" maw={900} className={classes.view}>
      <Title order={1} size="h3">
        Keeping in touch
      </Title>
      <section aria-labelledby="losing-touch-heading">
        <Title order={2} size="h4" id="losing-touch-heading" mb="sm">
          Losing touch ({losingTouchTotal})
        </Title>
        {losingTouch.length === 0 ? (
          <EmptyState title="Nobody is slipping away">Give contacts a keep-in-touch cadence and they appear here when it runs out.</EmptyState>
        ) : (
          <ul className={classes.list} aria-label="Losing touch" data-testid="losing-touch-list">
            {losingTouch.map((row) => (
              <LosingTouchItem key={row.contact.id} row={row} onSnooze={(until) => void snooze({ contactId: row.contact.id }, until, row.contact.name)} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="follow-ups-heading">
        <Title order={2} size="h4" id="follow-ups-heading" mb="sm">
          Follow-ups due ({followUpsDueTotal})
        </Title>
        {followUpsDue.length === 0 ? (
          <EmptyState title="No follow-ups due">Set a follow-up date when you log an interaction.</EmptyState>
        ) : (
          <ul className={classes.list} aria-label="Follow-ups due" data-testid="follow-ups-list">
            {followUpsDue.map((row) => {
              const names = row.interaction.contacts.map((contact) => contact.name).join(', ')
              return (
                <li key={row.interaction.id} className={classes.item}>
                  <div className={classes.itemText}>
                    <Text fw={600} size="sm">
                      {names || 'Interaction'} · {interactionKindLabels[row.interaction.kind]} on {formatDay(row.interaction.date)}
                    </Text>
                    {row.interaction.summary ? (
                      <Text size="sm" lineClamp={2}>
                        {row.interaction.summary}
                      </Text>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      Follow up {formatDay(row.interaction.followUpOn)} · {overdue(row.daysOverdue)}
                    </Text>
                  </div>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="compact-sm" variant="light" leftSection={<IconCheck size={14} aria-hidden />} onClick={() => void markDone(row)} aria-label={`Mark follow-up with ${names} done`}>
                      Done
                    </Button>
                    <SnoozeMenu what={`follow-up with ${names}`} onSnooze={(until) => void snooze({ interactionId: row.interaction.id }, until, `the follow-up with ${names}`)} />
                  </Group>
                </li>
              )
            })}
          </ul>
        )}
      </section>
      <CadenceSettings />
    </Stack>
  )
}

function LosingTouchItem({ row, onSnooze }: { row: LosingTouchRow; onSnooze: (until: string) => void }) {
  const { contact } = row
  return (
    <li className={classes.item} data-testid="losing-touch-item">
      <div className={classes.itemText}>
        <Anchor href={formatRoute({ section: 'contacts', recordId: contact.id })} fw={600} size="sm">
          {contact.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {contact.lastInteractionOn ? `Last contact ${formatDay(contact.lastInteractionOn)}` : 'No interactions yet'}
          {contact.cadenceDays ? ` · every ${contact.cadenceDays} days` : ''}
        </Text>
      </div>
      <Group gap="xs" wrap="nowrap">
        <Badge color="red.9" variant="filled">
          {overdue(row.daysOverdue)}
        </Badge>
        <Button size="compact-sm" variant="light" leftSection={<IconMessagePlus size={14} aria-hidden />} onClick={() => quickLog.open([contact.id])} aria-label={`Log interaction with ${contact.name}`}>
          Log
        </Button>
        <SnoozeMenu what={contact.name} onSnooze={onSnooze} />
      </Group>
    </li>
  )
}
