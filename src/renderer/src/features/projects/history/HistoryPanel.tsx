import { Button, Group, Loader, Stack, Text, UnstyledButton } from '@mantine/core'
import { projectHistoryLimits, type HistoryGroup } from '@shared/api/projectHistory'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useApi } from '../../../platform/PlatformContext'
import { formatChanged, formatChangedFull } from '../../notes/formatDate'
import classes from './History.module.css'
import { authorList, describeSummary } from './historyText'
import { useProjectChanges } from './useProjectChanges'
import { VersionDetails } from './VersionDetails'

/** A timeline refresh waits for a pause in typing: each refresh diffs the newest group again. */
const refreshDelayMs = 2_000

interface HistoryPanelProps {
  projectId: string
  /** A viewer (or a newer app's document) sees history but is not offered Restore. */
  readOnly?: boolean
}

/** The project's history: groups of changes by author and time, each opening its version read-only. */
export function HistoryPanel({ projectId, readOnly = false }: HistoryPanelProps) {
  const api = useApi()
  const [timeline, setTimeline] = useState<{ groups: HistoryGroup[]; hasMore: boolean; error: string | null } | null>(null)
  const [selected, setSelected] = useState<HistoryGroup | null>(null)
  const [status, setStatus] = useState('')
  const [loadingOlder, setLoadingOlder] = useState(false)
  const shownCount = useRef<number>(projectHistoryLimits.groupsPerPage)
  const generation = useRef(0)

  const load = useCallback(() => {
    const mine = ++generation.current
    const limit = Math.min(projectHistoryLimits.maxGroupsPerPage, Math.max(projectHistoryLimits.groupsPerPage, shownCount.current))
    void api.call('projects.history', { projectId, limit }).then((result) => {
      if (mine !== generation.current) return
      setTimeline((previous) => (result.ok ? { groups: result.value.groups, hasMore: result.value.hasMore, error: null } : { groups: previous?.groups ?? [], hasMore: previous?.hasMore ?? false, error: result.error.message }))
    })
  }, [api, projectId])

  useEffect(() => {
    setTimeline(null)
    setSelected(null)
    shownCount.current = projectHistoryLimits.groupsPerPage
    load()
  }, [load])
  useProjectChanges(projectId, load, refreshDelayMs)

  async function loadOlder() {
    const last = timeline?.groups.at(-1)
    if (!last) return
    setLoadingOlder(true)
    const mine = ++generation.current
    const result = await api.call('projects.history', { projectId, before: last.id })
    setLoadingOlder(false)
    if (!result.ok || mine !== generation.current) return
    setTimeline((previous) => {
      const groups = [...(previous?.groups ?? []), ...result.value.groups]
      shownCount.current = groups.length
      return { groups, hasMore: result.value.hasMore, error: null }
    })
  }

  function restored() {
    setStatus(`Restored the version of ${selected ? formatChangedFull(selected.endedAt) : ''}. The restore is the newest entry in the history.`)
    setSelected(null)
    load()
  }

  if (timeline === null) {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden />
        <Text size="sm">Loading the history…</Text>
      </Group>
    )
  }
  const newest = timeline.groups[0]
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Changes grouped by who made them. Choose one to see the project as it was right after it.
      </Text>
      <div role="status" aria-live="polite">
        {status && <Text size="sm">{status}</Text>}
      </div>
      {timeline.error && (
        <Text size="sm" c="red" role="alert">
          {timeline.error}
        </Text>
      )}
      <ol className={classes.timeline} aria-label="Project history">
        {timeline.groups.map((group) => (
          <li key={group.id}>
            <UnstyledButton className={classes.groupButton} aria-pressed={selected?.id === group.id} onClick={() => setSelected(group)}>
              <Text size="sm" fw={600} component="span" display="block">
                {authorList(group.authors)}
              </Text>
              <Text size="xs" c="dimmed" component="span" display="block">
                <time dateTime={new Date(group.endedAt).toISOString()} title={formatChangedFull(group.endedAt)}>
                  {formatChanged(group.endedAt)}
                </time>
                {' · '}
                {group.changes === 1 ? '1 change' : `${group.changes} changes`}
              </Text>
              <Text size="xs" component="span" display="block">
                {describeSummary(group.summary)}
              </Text>
            </UnstyledButton>
          </li>
        ))}
      </ol>
      {timeline.hasMore && (
        <Button variant="subtle" size="xs" onClick={() => void loadOlder()} loading={loadingOlder}>
          Show older changes
        </Button>
      )}
      {selected && <VersionDetails key={selected.id} projectId={projectId} group={selected} isCurrent={selected.id === newest?.id} readOnly={readOnly} onRestored={restored} />}
    </Stack>
  )
}
