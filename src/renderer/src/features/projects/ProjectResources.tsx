import { ActionIcon, Alert, Anchor, Button, Group, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { projectLimits, type ProjectView } from '@shared/api/projects'
import { useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { openExternalLink } from '../notes/editor/openExternalLink'
import type { ProjectPanelProps } from './projectPanel'
import classes from './ProjectView.module.css'

const httpLink = /^https?:\/\/\S+$/i

/** Links and notes the members collect for the project; a link opens outside the app under the same rule as note links. */
export function ProjectResources({ project, readOnly, onChanged }: ProjectPanelProps) {
  const api = useApi()

  async function remove(resourceId: string) {
    const result = await api.call('projects.removeResource', { projectId: project.id, resourceId })
    if (result.ok) onChanged(result.value.project)
  }

  return (
    <Stack gap="sm">
      {project.resources.length === 0 ? (
        <Text size="sm" c="dimmed">
          No resources yet.{readOnly ? '' : ' Add a link or a note below.'}
        </Text>
      ) : (
        <ul className={classes.panelList} aria-label="Resources">
          {project.resources.map((resource) => (
            <li key={resource.id} className={classes.panelItem} data-testid="project-resource">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={2} flex={1} miw={0}>
                  {resource.url ? (
                    <Anchor
                      size="sm"
                      href={resource.url}
                      target="_blank"
                      rel="noopener noreferrer"
                      className={classes.wrap}
                      onClick={(event) => {
                        // One rule for every link that leaves the app (a refused one says why in a toast).
                        event.preventDefault()
                        openExternalLink(resource.url!)
                      }}
                    >
                      {resource.title}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={500} className={classes.wrap}>
                      {resource.title}
                    </Text>
                  )}
                  {resource.note && (
                    <Text size="xs" c="dimmed" className={classes.wrap}>
                      {resource.note}
                    </Text>
                  )}
                </Stack>
                {!readOnly && (
                  <Tooltip label="Remove resource">
                    <ActionIcon variant="subtle" color="gray" aria-label={`Remove resource: ${resource.title}`} onClick={() => void remove(resource.id)}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </li>
          ))}
        </ul>
      )}
      {!readOnly && <AddResourceForm project={project} onChanged={onChanged} />}
    </Stack>
  )
}

function AddResourceForm({ project, onChanged }: { project: ProjectView; onChanged: (project: ProjectView) => void }) {
  const api = useApi()
  const [title, setTitle] = useState('')
  const [url, setUrl] = useState('')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function add() {
    const link = url.trim()
    if (!title.trim()) return setError('Give the resource a title.')
    if (link && !httpLink.test(link)) return setError('A link starts with http:// or https://.')
    setBusy(true)
    setError(null)
    const result = await api.call('projects.addResource', { projectId: project.id, title, url: link || null, note })
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    onChanged(result.value.project)
    setTitle('')
    setUrl('')
    setNote('')
  }

  return (
    <form
      aria-label="Add a resource"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void add()
      }}
    >
      <Stack gap="xs">
        <TextInput label="Resource title" size="xs" maxLength={projectLimits.titleChars} value={title} onChange={(event) => setTitle(event.currentTarget.value)} />
        <TextInput label="Link (optional)" size="xs" type="url" placeholder="https://" value={url} onChange={(event) => setUrl(event.currentTarget.value)} />
        <Textarea label="Note (optional)" size="xs" autosize minRows={1} maxRows={4} maxLength={projectLimits.noteChars} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        {error && (
          <Alert color="red" role="alert" p="xs">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={busy}>
            Add resource
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
