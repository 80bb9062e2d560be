import { ActionIcon, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { useIndexQuery } from '../network/useIndexQuery'

function parseDays(text: string): number | null | 'invalid' {
  if (!text.trim()) return null
  const days = Number(text)
  return Number.isInteger(days) && days >= 1 && days <= 3650 ? days : 'invalid'
}

const daysError = 'Enter whole days from 1 to 3650'

/** The default cadence and per-tag cadences that apply to contacts without their own. */
export function CadenceSettings() {
  const api = useApi()
  const settings = useIndexQuery((client) => client.call('keepingInTouch.settings', {}), 'settings', ['settings'])
  const [defaultDays, setDefaultDays] = useState<string | null>(null)
  const [tag, setTag] = useState('')
  const [tagDays, setTagDays] = useState('')
  const [errors, setErrors] = useState<{ default?: string; tag?: string; tagDays?: string }>({})

  if (!settings.data) return null
  const shownDefault = defaultDays ?? (settings.data.defaultCadenceDays === null ? '' : String(settings.data.defaultCadenceDays))

  async function saveDefault(event: FormEvent) {
    event.preventDefault()
    const days = parseDays(shownDefault)
    if (days === 'invalid') return setErrors({ default: daysError })
    setErrors({})
    const result = await api.call('keepingInTouch.setDefaultCadence', { days })
    if (result.ok) setDefaultDays(null)
  }

  async function addTagCadence(event: FormEvent) {
    event.preventDefault()
    const days = parseDays(tagDays)
    const problems = { tag: tag.trim() ? undefined : 'Enter a tag', tagDays: days === 'invalid' || days === null ? daysError : undefined }
    if (problems.tag || problems.tagDays) return setErrors(problems)
    setErrors({})
    const result = await api.call('keepingInTouch.setTagCadence', { tag: tag.trim(), days: days as number })
    if (result.ok) {
      setTag('')
      setTagDays('')
    }
  }

  return (
    <section aria-labelledby="cadences-heading">
      <Title order={2} size="h4" id="cadences-heading" mb="xs">
        Cadences
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A contact’s own cadence wins; otherwise the shortest cadence of their tags; otherwise the default.
      </Text>
      <Stack gap="md">
        <form onSubmit={(event) => void saveDefault(event)}>
          <Group align="flex-end" gap="xs">
            <TextInput
              label="Default cadence (days)"
              description="Leave empty for none"
              type="number"
              value={shownDefault}
              onChange={(event) => setDefaultDays(event.currentTarget.value)}
              error={errors.default}
            />
            <Button type="submit" variant="default">
              Save default
            </Button>
          </Group>
        </form>
        {settings.data.tagCadences.length ? (
          <ul aria-label="Tag cadences" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {settings.data.tagCadences.map((cadence) => (
              <li key={cadence.tag}>
                <Group gap="xs">
                  <Text size="sm">
                    Contacts tagged “{cadence.tag}”: every {cadence.days} days
                  </Text>
                  <ActionIcon aria-label={`Remove the cadence for ${cadence.tag}`} onClick={() => void api.call('keepingInTouch.setTagCadence', { tag: cadence.tag, days: null })}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </li>
            ))}
          </ul>
        ) : null}
        <form onSubmit={(event) => void addTagCadence(event)}>
          <Group align="flex-start" gap="xs">
            <TextInput label="Tag" value={tag} onChange={(event) => setTag(event.currentTarget.value)} error={errors.tag} />
            <TextInput label="Every (days)" type="number" value={tagDays} onChange={(event) => setTagDays(event.currentTarget.value)} error={errors.tagDays} />
            <Button type="submit" variant="default" mt={25}>
              Set tag cadence
            </Button>
          </Group>
        </form>
      </Stack>
    </section>
  )
}
