import { ActionIcon, Avatar, Button, FileButton, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core'
import { channelKinds, relationshipKinds, type ContactChannel } from '@shared/network/records'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import type { RecordFormApi } from '../network/RecordForm'
import { RecordPicker } from '../network/RecordPicker'
import { channelKindLabels, optionsOf, relationshipLabels } from '../network/labels'
import { scalePhoto } from './scalePhoto'

type Relationship = { contactId: string; kind: (typeof relationshipKinds)[number] }

/** The contact fields the generic form has no control for: channels, photo, who introduced you, relationships. */
export function ContactExtras({ form, contactId }: { form: RecordFormApi; contactId?: string }) {
  const channels = (form.values.channels as ContactChannel[]) ?? []
  const relationships = (form.values.relationships as Relationship[]) ?? []
  const metThroughId = form.values.metThroughId as string | null
  const exclude = contactId ? [contactId] : []

  return (
    <Stack gap="md">
      <PhotoField photo={form.values.photo as string | null} onChange={(photo) => form.setFieldValue('photo', photo)} error={form.errors.photo} />

      <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <Title order={3} size="h5" component="legend">
          Channels
        </Title>
        {channels.map((channel, index) => (
          <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
            <NativeSelect label="Channel type" data={optionsOf(channelKindLabels)} {...form.getInputProps(`channels.${index}.kind`)} />
            <TextInput label="Label" placeholder="work, Mastodon…" w={140} {...form.getInputProps(`channels.${index}.label`)} />
            <TextInput label="Address or handle" style={{ flex: 1 }} {...form.getInputProps(`channels.${index}.value`)} />
            <ActionIcon aria-label={`Remove channel ${index + 1}`} onClick={() => form.removeListItem('channels', index)} mb={4}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="default"
          size="compact-sm"
          w="fit-content"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => form.insertListItem('channels', { kind: channelKinds[0], label: '', value: '' })}
        >
          Add channel
        </Button>
      </Stack>

      <RecordPicker
        kind="contacts"
        label="Met through"
        description="The contact who introduced you"
        maxValues={1}
        excludeIds={exclude}
        value={metThroughId ? [metThroughId] : []}
        onChange={(ids) => form.setFieldValue('metThroughId', ids[0] ?? null)}
        error={form.errors.metThroughId}
      />

      <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <Title order={3} size="h5" component="legend">
          Relationships
        </Title>
        {relationships.map((relationship, index) => (
          <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
            <NativeSelect label="Relationship" data={optionsOf(relationshipLabels)} {...form.getInputProps(`relationships.${index}.kind`)} />
            <RecordPicker
              kind="contacts"
              label="With"
              maxValues={1}
              excludeIds={exclude}
              style={{ flex: 1 }}
              value={relationship.contactId ? [relationship.contactId] : []}
              onChange={(ids) => form.setFieldValue(`relationships.${index}.contactId`, ids[0] ?? '')}
              error={form.errors[`relationships.${index}.contactId`]}
            />
            <ActionIcon aria-label={`Remove relationship ${index + 1}`} onClick={() => form.removeListItem('relationships', index)} mb={4}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="default"
          size="compact-sm"
          w="fit-content"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => form.insertListItem('relationships', { contactId: '', kind: 'colleague' })}
        >
          Add relationship
        </Button>
      </Stack>
    </Stack>
  )
}

function PhotoField({ photo, onChange, error }: { photo: string | null; onChange: (photo: string | null) => void; error?: unknown }) {
  const [problem, setProblem] = useState<string | null>(null)
  async function pick(file: File | null) {
    if (!file) return
    setProblem(null)
    try {
      onChange(await scalePhoto(file))
    } catch (failure) {
      setProblem(failure instanceof Error ? failure.message : 'That image could not be read.')
    }
  }
  const message = problem ?? (typeof error === 'string' ? error : null)
  return (
    <Group gap="md" align="center">
      <Avatar src={photo} size={64} radius="xl" alt={photo ? 'Contact photo' : undefined} />
      <Stack gap={4}>
        <Group gap="xs">
          <FileButton onChange={(file) => void pick(file)} accept="image/png,image/jpeg,image/webp">
            {(props) => (
              <Button variant="default" size="compact-sm" {...props}>
                {photo ? 'Change photo' : 'Add photo'}
              </Button>
            )}
          </FileButton>
          {photo ? (
            <Button variant="subtle" color="red" size="compact-sm" onClick={() => onChange(null)}>
              Remove photo
            </Button>
          ) : null}
        </Group>
        {message ? (
          <Text size="xs" c="var(--mantine-color-error)" role="alert">
            {message}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            Scaled down to 256 px before saving.
          </Text>
        )}
      </Stack>
    </Group>
  )
}
