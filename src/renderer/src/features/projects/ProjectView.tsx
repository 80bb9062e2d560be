import { Alert, Loader, Tabs, Text } from '@mantine/core'
import type { ProjectView as ProjectViewData } from '@shared/api/projects'
import type { SpaceAuthor } from '@shared/spaces/SpaceCommon'
import type { EditorView } from 'prosemirror-view'
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBoundary } from '../../components/ErrorBoundary'
import { useApi } from '../../platform/PlatformContext'
import { commentHighlights } from './comments/commentHighlights'
import { CommentsPanel } from './comments/CommentsPanel'
import { ProjectEditor } from './editor/ProjectEditor'
import { ProjectExportMenu } from './export/ProjectExportMenu'
import { ConflictNotice } from './history/ConflictNotice'
import { HistoryPanel } from './history/HistoryPanel'
import { ProjectHeader } from './ProjectHeader'
import { ProjectMembers } from './ProjectMembers'
import { ProjectResources } from './ProjectResources'
import { ProjectTasks } from './ProjectTasks'
import classes from './ProjectView.module.css'
import { useProject, useReloadOnChange } from './useProject'
import { useProjectHandle } from './useProjectHandle'
import { useMarkSeen, useRegisterAuthor } from './useProjectSession'

/** Why this device may not edit the project, in words for the banner; null when it may. */
export function readOnlyReason(project: Pick<ProjectViewData, 'myRole' | 'readOnlyReason'>): string | null {
  if (project.readOnlyReason) return project.readOnlyReason
  if (project.myRole === 'viewer') return 'You can read this project but not change it: its owner added you as a viewer.'
  return null
}

/** A lesson project: live title and body, comments, tasks, resources, members and history. */
export function ProjectView({ projectId }: { projectId: string }) {
  const state = useProject(projectId)
  if (state.loading && !state.project) return <CenteredLoader label="Opening project" />
  if (!state.project) {
    return (
      <EmptyState title="This project is not here">
        It may have been removed, or, if a colleague just added you, it opens here once it arrives from their device.
      </EmptyState>
    )
  }
  return <OpenProject project={state.project} show={state.show} reload={state.reload} />
}

function OpenProject({ project, show, reload }: { project: ProjectViewData; show: (project: ProjectViewData) => void; reload: () => void }) {
  const handleState = useProjectHandle(project.url)
  const handle = handleState.status === 'ready' ? handleState.handle : undefined
  const reason = readOnlyReason(project)
  const readOnly = reason !== null
  const me = useMe(project)
  useReloadOnChange(handle, reload)
  useRegisterAuthor(handle, me, !readOnly)
  useMarkSeen(project.id, handle)
  const [view, setView] = useState<EditorView | null>(null)
  const plugins = useMemo(() => [commentHighlights()], [])
  const [tab, setTab] = useState<string | null>('comments')

  return (
    <article className={classes.root} aria-label={`Project: ${project.title || 'Untitled project'}`} data-testid="project-page">
      <ProjectHeader project={project} handle={handle} readOnly={readOnly} onChanged={show} actions={<ProjectExportMenu projectId={project.id} />} />
      <ConflictNotice projectId={project.id} readOnly={readOnly} />
      {reason && (
        <Alert color="yellow" radius={0} role="note" title="Read-only" classNames={{ title: classes.bannerTitle }} data-testid="project-read-only">
          {reason}
        </Alert>
      )}
      <div className={classes.columns}>
        <section className={classes.body} aria-label="Project body">
          <ErrorBoundary area="the project body" resetKey={project.id}>
            {handleState.status === 'error' ? (
              <Alert color="red" m="md" title="Could not open the project" role="alert">
                {handleState.message}
              </Alert>
            ) : handle ? (
              <ProjectEditor handle={handle} readOnly={readOnly} me={me ?? null} plugins={plugins} onView={setView} />
            ) : (
              <CenteredLoader label="Loading the project’s text" />
            )}
          </ErrorBoundary>
        </section>
        <aside className={classes.side} aria-label="Project panels">
          {/* Comments stay mounted while another tab shows: they draw the highlights in the editor and own its comment shortcut. */}
          <Tabs value={tab} onChange={setTab} classNames={{ tab: classes.tab }}>
            <Tabs.List grow>
              <Tabs.Tab value="comments">Comments</Tabs.Tab>
              <Tabs.Tab value="tasks">Tasks</Tabs.Tab>
              <Tabs.Tab value="resources">Resources</Tabs.Tab>
              <Tabs.Tab value="members">Members</Tabs.Tab>
              <Tabs.Tab value="history">History</Tabs.Tab>
            </Tabs.List>
            <Panel value="comments">{handle && <CommentsPanel projectId={project.id} handle={handle} view={view} readOnly={project.readOnlyReason !== null} />}</Panel>
            <Panel value="tasks">
              <ProjectTasks project={project} readOnly={readOnly} onChanged={show} />
            </Panel>
            <Panel value="resources">
              <ProjectResources project={project} readOnly={readOnly} onChanged={show} />
            </Panel>
            {/* These two poll the core while shown, so they are mounted only then. */}
            <Panel value="members">{tab === 'members' && <ProjectMembers project={project} onChanged={show} />}</Panel>
            <Panel value="history">{tab === 'history' && <HistoryPanel projectId={project.id} readOnly={readOnly} />}</Panel>
          </Tabs>
        </aside>
      </div>
    </article>
  )
}

function Panel({ value, children }: { value: string; children: ReactNode }) {
  return (
    <Tabs.Panel value={value} p="sm">
      <ErrorBoundary area={`the ${value} panel`}>{children}</ErrorBoundary>
    </Tabs.Panel>
  )
}

/**
 * Who writes here: this device's id and the name the project's members know it by, else the
 * device's own name (a member added under another name keeps it).
 */
function useMe(project: ProjectViewData): SpaceAuthor | undefined {
  const api = useApi()
  const memberName = project.members.find((m) => m.isMe)?.name
  const [deviceName, setDeviceName] = useState<string | undefined>(undefined)
  useEffect(() => {
    if (memberName) return
    let live = true
    void api.call('sync.status', {}).then((result) => {
      if (live && result.ok) setDeviceName(result.value.deviceName)
    })
    return () => {
      live = false
    }
  }, [api, memberName])
  const name = memberName || deviceName
  return name ? { deviceId: project.myDeviceId, name } : undefined
}

function CenteredLoader({ label }: { label: string }) {
  return (
    <div className={classes.loader} role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <Text size="sm" c="dimmed">
        {label}…
      </Text>
    </div>
  )
}
