import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core'
import type { InteractionRow } from '@shared/api/interactions'
import { useRef, useState } from 'react'
import { formatRoute } from '../../app/route'
import { formatDay } from '../network/dates'
import { interactionChannelLabels, interactionKindLabels, interactionModeLabels, meaningfulLabels } from '../network/labels'
import { useIndexQuery } from '../network/useIndexQuery'
import { InteractionActions } from './InteractionActions'
import classes from './InteractionTimeline.module.css'

const pageSize = 30

/**
 * Interactions with one contact, community or event, newest first, growing a page at a time, each
 * with its actions (edit, delete, follow-up done).
 */
export function InteractionTimeline({ filter, heading, excludeContactId }: { filter: { contactId?: string; communityId?: string; eventId?: string }; heading: string; excludeContactId?: string }) {
  const [limit, setLimit] = useState(pageSize)
  const key = JSON.stringify(filter)
  const list = useIndexQuery((api) => api.call('interactions.list', { ...filter, limit }), `${key}:${limit}`, ['interactions', 'contacts'])
  const rows = list.data?.rows ?? []
  const total = list.data?.total ?? 0
  const headingRef = useRef<HTMLHeadingElement>(null)

  return (
    <section aria-labelledby={`timeline-${key}`}>
      {/* Focus lands here after a delete, so the keyboard keeps its place once the entry is gone. */}
      <Title order={3} size="h5" id={`timeline-${key}`} mb="xs" ref={headingRef} tabIndex={-1}>
        {heading} {list.data ? `(${total})` : ''}
      </Title>
      {list.data && rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing logged yet. Press ‘Log interaction’ to add the first.
        </Text>
      ) : (
        <ol className={classes.timeline} data-testid="interaction-timeline">
          {rows.map((row) => (
            <TimelineItem key={row.id} row={row} excludeContactId={excludeContactId} onDeleted={() => headingRef.current?.focus()} />
          ))}
        </ol>
      )}
      {rows.length < total ? (
        <Button variant="default" size="compact-sm" mt="xs" onClick={() => setLimit((current) => current + pageSize)}>
          Show more
        </Button>
      ) : null}
    </section>
  )
}

function TimelineItem({ row, excludeContactId, onDeleted }: { row: InteractionRow; excludeContactId?: string; onDeleted: () => void }) {
  const others = row.contacts.filter((contact) => contact.id !== excludeContactId)
  return (
    <li className={classes.item} data-testid="interaction-item">
      <div className={classes.entry}>
        <div className={classes.body}>
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600} component="time" dateTime={row.date}>
              {formatDay(row.date)}
            </Text>
            <Text size="sm">
              {[...new Set([interactionKindLabels[row.kind], interactionChannelLabels[row.channel]])].join(' · ')} · {interactionModeLabels[row.mode]}
            </Text>
            {row.meaningful > 0 ? (
              <Badge size="sm" variant="light">
                {meaningfulLabels[row.meaningful]}
              </Badge>
            ) : null}
            {row.followUpOn && !row.followUpDone ? (
              <Badge size="sm" variant="outline" color="gray">
                Follow up {formatDay(row.followUpOn)}
              </Badge>
            ) : null}
            {row.followUpOn && row.followUpDone ? (
              <Badge size="sm" variant="outline" color="gray">
                Followed up
              </Badge>
            ) : null}
          </Group>
          {row.summary ? <Text size="sm" className={classes.summary}>{row.summary}</Text> : null}
          {others.length > 0 || row.communityName || row.eventTitle ? (
            <Stack gap={0}>
              {others.length > 0 ? (
                <Text size="xs" c="dimmed">
                  With{' '}
                  {others.map((contact, index) => (
                    <span key={contact.id}>
                      {index > 0 ? ', ' : ''}
                      <Anchor href={formatRoute({ section: 'contacts', recordId: contact.id })} size="xs">
                        {contact.name}
                      </Anchor>
                    </span>
                  ))}
                </Text>
              ) : null}
              {row.communityId && row.communityName ? (
                <Text size="xs" c="dimmed">
                  In <Anchor href={formatRoute({ section: 'communities', recordId: row.communityId })} size="xs">{row.communityName}</Anchor>
                </Text>
              ) : null}
              {row.eventId && row.eventTitle ? (
                <Text size="xs" c="dimmed">
                  At <Anchor href={formatRoute({ section: 'events', recordId: row.eventId })} size="xs">{row.eventTitle}</Anchor>
                </Text>
              ) : null}
            </Stack>
          ) : null}
        </div>
        <InteractionActions row={row} onDeleted={onDeleted} />
      </div>
    </li>
  )
}
