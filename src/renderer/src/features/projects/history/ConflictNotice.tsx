import { Alert, Button, Stack, Text } from '@mantine/core'
import type { HistoryValue, ProjectConflictPath, ProjectFieldConflict } from '@shared/api/projectHistory'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useApi } from '../../../platform/PlatformContext'
import classes from './History.module.css'
import { useProjectChanges } from './useProjectChanges'

const refreshDelayMs = 500

interface ConflictNoticeProps {
  projectId: string
  /** A viewer (or a newer app's document) sees both values but is not offered a choice. */
  readOnly?: boolean
}

/**
 * Fields two people set at the same time: both values, who set each, and a button to keep each.
 * Nothing shows while there is no conflict. Keeping a value writes it, which ends the conflict.
 */
export function ConflictNotice({ projectId, readOnly = false }: ConflictNoticeProps) {
  const api = useApi()
  const [conflicts, setConflicts] = useState<ProjectFieldConflict[]>([])
  const [pending, setPending] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const generation = useRef(0)

  const load = useCallback(() => {
    const mine = ++generation.current
    void api.call('projects.conflicts', { projectId }).then((result) => {
      if (mine === generation.current && result.ok) setConflicts(result.value.conflicts)
    })
  }, [api, projectId])

  useEffect(() => {
    setConflicts([])
    load()
  }, [load])
  useProjectChanges(projectId, load, refreshDelayMs)

  async function keep(path: ProjectConflictPath, value: HistoryValue) {
    const key = JSON.stringify([path, value])
    setPending(key)
    setError(null)
    const mine = ++generation.current
    const result = await api.call('projects.resolveConflict', { projectId, path, value })
    setPending(null)
    if (result.ok) {
      if (mine === generation.current) setConflicts(result.value.conflicts)
    } else {
      setError(result.error.message)
      load()
    }
  }

  if (conflicts.length === 0 && !error) return null
  return (
    <section aria-label="Conflicting changes">
      <Alert color="yellow" title="Changed by two people at once">
        <Stack gap="sm">
          <Text size="sm">{readOnly ? 'Two people set these at the same time; an editor can choose which value to keep.' : 'Two people set these at the same time. Choose the value to keep; the other is replaced.'}</Text>
          {error && (
            <Text size="sm" c="red" role="alert">
              {error}
            </Text>
          )}
          {conflicts.map((conflict) => (
            <div key={conflict.path.join('/')}>
              <Text size="sm" fw={600}>
                {conflict.label}
              </Text>
              <div className={classes.conflictValues}>
                {conflict.values.map((choice) =>
                  readOnly ? (
                    <Text key={String(choice.value)} size="sm">
                      “{choice.display}”, set by {choice.author}
                    </Text>
                  ) : (
                    <Button
                      key={String(choice.value)}
                      size="xs"
                      variant="default"
                      aria-label={`Keep ${choice.display} (set by ${choice.author}) for ${conflict.label}`}
                      loading={pending === JSON.stringify([conflict.path, choice.value])}
                      onClick={() => void keep(conflict.path, choice.value)}
                    >
                      Keep “{choice.display}”, set by {choice.author}
                    </Button>
                  ),
                )}
              </div>
            </div>
          ))}
        </Stack>
      </Alert>
    </section>
  )
}
