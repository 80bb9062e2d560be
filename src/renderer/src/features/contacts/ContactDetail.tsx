import { Anchor, Avatar, Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { ContactDetail as Detail } from '@shared/api/contacts'
import { IconEdit, IconMessagePlus, IconTrash } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { formatRoute, useRoute } from '../../app/route'
import { useApi } from '../../platform/PlatformContext'
import { InteractionTimeline } from '../interactions/InteractionTimeline'
import { quickLog } from '../interactions/quickLogStore'
import { formatDay } from '../network/dates'
import { channelKindLabels, relationshipLabels } from '../network/labels'
import { changeWithUndo } from '../network/undoToast'
import { ContactName } from './ContactName'

/** Everything known about one contact, with their timeline and the actions on them. */
export function ContactDetailView({ detail }: { detail: Detail }) {
  const api = useApi()
  const [, go] = useRoute()
  const { contact, row } = detail

  async function remove() {
    const done = await changeWithUndo(api, `Deleted “${contact.name}”.`, () => api.call('contacts.delete', { id: contact.id }))
    if (done) go({ section: 'contacts' }, { replace: true })
  }

  return (
    <Stack gap="lg" p="md" maw={860}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Group gap="md" wrap="nowrap">
          <Avatar src={contact.photo} size={72} radius="xl" alt="" name={contact.name} color="initials" />
          <div>
            <Title order={2} size="h3">
              {contact.name}
              {contact.pronouns ? (
                <Text span size="sm" c="dimmed" fw={400} ml="xs">
                  ({contact.pronouns})
                </Text>
              ) : null}
            </Title>
            <Text size="sm">{[contact.role, contact.organisation].filter(Boolean).join(' · ')}</Text>
            <Group gap={6} mt={4}>
              {contact.thoughtLeader ? <Badge variant="light">Thought leader</Badge> : null}
              {row.touch === 'losing-touch' ? (
                <Badge color="red.9" variant="filled">
                  Losing touch
                </Badge>
              ) : null}
              {contact.tags.map((tag) => (
                <Badge key={tag} variant="default">
                  {tag}
                </Badge>
              ))}
            </Group>
          </div>
        </Group>
        <Group gap="xs">
          <Button leftSection={<IconMessagePlus size={16} aria-hidden />} onClick={() => quickLog.open([contact.id])}>
            Log interaction
          </Button>
          <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} component="a" href={formatRoute({ section: 'contacts', recordId: contact.id, editing: true })}>
            Edit
          </Button>
          <Button variant="default" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => void remove()}>
            Delete
          </Button>
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
        <Field label="Location">{contact.location}</Field>
        <Field label="Subjects">{contact.subjects.join(', ')}</Field>
        <Field label="Grade levels">{contact.gradeLevels.join(', ')}</Field>
        <Field label="Interests beyond teaching">{contact.interests.join(', ')}</Field>
        <Field label="Where you met">{contact.metWhere}</Field>
        <Field label="How you met">{contact.metHow}</Field>
        <Field label="Met through">{contact.metThroughId ? <ContactName id={contact.metThroughId} /> : null}</Field>
        <Field label="Keep in touch">
          {row.cadenceDays ? `Every ${row.cadenceDays === 1 ? 'day' : `${row.cadenceDays} days`}${row.dueOn ? ` · next by ${formatDay(row.dueOn)}` : ''}` : null}
        </Field>
        <Field label="Last contact">{row.lastInteractionOn ? formatDay(row.lastInteractionOn) : null}</Field>
        <Field label="Feed">
          {contact.feedUrl ? (
            <Anchor href={contact.feedUrl} target="_blank" rel="noreferrer noopener">
              {contact.feedUrl}
            </Anchor>
          ) : null}
        </Field>
        <Field label="Channels">
          {contact.channels.length ? (
            <Stack gap={2}>
              {contact.channels.map((channel, index) => (
                <Text size="sm" key={index}>
                  {channelKindLabels[channel.kind]}
                  {channel.label ? ` (${channel.label})` : ''}: {channel.value}
                </Text>
              ))}
            </Stack>
          ) : null}
        </Field>
        <Field label="Relationships">
          {contact.relationships.length ? (
            <Stack gap={2}>
              {contact.relationships.map((relationship) => (
                <Text size="sm" key={`${relationship.kind}-${relationship.contactId}`}>
                  {relationshipLabels[relationship.kind]}: <ContactName id={relationship.contactId} />
                </Text>
              ))}
            </Stack>
          ) : null}
        </Field>
      </SimpleGrid>
      {contact.notes ? (
        <div>
          <Title order={3} size="h5">
            Notes
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {contact.notes}
          </Text>
        </div>
      ) : null}
      <InteractionTimeline filter={{ contactId: contact.id }} heading="Timeline" excludeContactId={contact.id} />
    </Stack>
  )
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  )
}
