import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import type { HistoryGroup, ProjectChangesSince, ProjectVersion } from '@shared/api/projectHistory'
import { useEffect, useState } from 'react'
import { DialogModal } from '../../../components/DialogModal'
import { useApi } from '../../../platform/PlatformContext'
import { formatChangedFull } from '../../notes/formatDate'
import { ChangesSinceView } from './ChangesSinceView'
import classes from './History.module.css'
import { VersionBody } from './VersionBody'

interface VersionDetailsProps {
  projectId: string
  group: HistoryGroup
  /** The newest group: its version is the project as it is now. */
  isCurrent: boolean
  readOnly: boolean
  onRestored: () => void
}

/** The project as it was right after a group of changes, read-only; what changed since; restore. */
export function VersionDetails({ projectId, group, isCurrent, readOnly, onRestored }: VersionDetailsProps) {
  const api = useApi()
  const [version, setVersion] = useState<{ heads: string[]; value: ProjectVersion | null; error: string | null } | null>(null)
  const [changes, setChanges] = useState<ProjectChangesSince | 'loading' | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [restoring, setRestoring] = useState(false)
  const [restoreError, setRestoreError] = useState<string | null>(null)
  const when = formatChangedFull(group.endedAt)

  useEffect(() => {
    let live = true
    setChanges(null)
    setRestoreError(null)
    void api.call('projects.version', { projectId, heads: group.heads }).then((result) => {
      if (live) setVersion({ heads: group.heads, value: result.ok ? result.value.version : null, error: result.ok ? null : result.error.message })
    })
    return () => {
      live = false
    }
  }, [api, projectId, group.heads])

  async function showChanges() {
    setChanges('loading')
    const result = await api.call('projects.changesSince', { projectId, heads: group.heads })
    setChanges(result.ok ? result.value.changes : null)
  }

  async function restore() {
    setRestoring(true)
    const result = await api.call('projects.restore', { projectId, heads: group.heads })
    setRestoring(false)
    setConfirming(false)
    if (result.ok) onRestored()
    else setRestoreError(result.error.message)
  }

  const shown = version?.heads === group.heads ? version : null
  return (
    <section className={classes.version} aria-label={`Version of ${when}`}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          As it was on {when}
        </Title>
        {!shown && (
          <Group gap="xs" role="status">
            <Loader size="xs" aria-hidden />
            <Text size="sm">Opening this version…</Text>
          </Group>
        )}
        {shown?.error && (
          <Alert color="red" role="alert" title="Could not open this version">
            {shown.error}
          </Alert>
        )}
        {shown?.value && (
          <>
            <Group gap="xs">
              <Button variant="default" size="xs" onClick={() => void showChanges()} loading={changes === 'loading'}>
                What changed since this version
              </Button>
              {!readOnly && !isCurrent && (
                <Button size="xs" onClick={() => setConfirming(true)}>
                  Restore this version
                </Button>
              )}
            </Group>
            {isCurrent && <Text className={classes.muted}>This is the project as it is now.</Text>}
            {restoreError && (
              <Alert color="red" role="alert" title="Not restored">
                {restoreError}
              </Alert>
            )}
            {changes !== null && changes !== 'loading' && (
              <div aria-label="What changed since this version" role="region">
                <ChangesSinceView changes={changes} />
              </div>
            )}
            <VersionContent version={shown.value} />
          </>
        )}
      </Stack>
      <DialogModal opened={confirming} onClose={() => setConfirming(false)} title="Restore this version?">
        <Stack gap="sm">
          <Text size="sm">
            The title, text, subject, grade, tasks and resources become as they were on {when}. This is saved as a new change: nothing in the history is lost, and you can go back again. Comments and members stay as they are.
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button onClick={() => void restore()} loading={restoring}>
              Restore
            </Button>
          </Group>
        </Stack>
      </DialogModal>
    </section>
  )
}

function VersionContent({ version }: { version: ProjectVersion }) {
  const fields = [version.subject && `Subject: ${version.subject}`, version.grade && `Grade: ${version.grade}`].filter(Boolean).join(' · ')
  return (
    <Stack gap="xs">
      <Title order={4} size="h6">
        {version.title || 'Untitled project'}
      </Title>
      {fields && <Text size="sm">{fields}</Text>}
      <VersionBody spans={version.body} />
      <Title order={4} size="h6">
        Tasks
      </Title>
      {version.tasks.length === 0 ? (
        <Text className={classes.muted}>No tasks.</Text>
      ) : (
        <ul className={classes.changeList} aria-label="Tasks in this version">
          {version.tasks.map((task) => (
            <li key={task.id}>
              {task.title}
              {task.due ? `, due ${task.due}` : ''}
              {task.done ? ' (done)' : ''}
            </li>
          ))}
        </ul>
      )}
      <Title order={4} size="h6">
        Resources
      </Title>
      {version.resources.length === 0 ? (
        <Text className={classes.muted}>No resources.</Text>
      ) : (
        <ul className={classes.changeList} aria-label="Resources in this version">
          {version.resources.map((resource) => (
            <li key={resource.id}>
              {resource.title}
              {resource.url ? ` (${resource.url})` : ''}
            </li>
          ))}
        </ul>
      )}
    </Stack>
  )
}
