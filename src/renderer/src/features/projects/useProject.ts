import type { DocHandle } from '@automerge/automerge-repo'
import type { ProjectView } from '@shared/api/projects'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'

/** Coalesces a burst of document changes (typing, a colleague's edits arriving) into one reload. */
const reloadDelayMs = 300

export interface ProjectState {
  project: ProjectView | undefined
  loading: boolean
  /** The core answered that there is no such project here. */
  missing: boolean
  /** Shows a result the core just returned (after a change made here) without asking again. */
  show: (project: ProjectView) => void
  /** Asks the core again (coalesced with a burst of calls). */
  reload: () => void
}

/** `projects.get` for the open project; see useReloadOnChange for keeping it current. */
export function useProject(projectId: string): ProjectState {
  const api = useApi()
  const [state, setState] = useState<{ projectId: string; project?: ProjectView; loading: boolean; missing: boolean }>({ projectId, loading: true, missing: false })
  const generation = useRef(0)

  const load = useCallback(() => {
    const mine = ++generation.current
    void api.call('projects.get', { projectId }).then((result) => {
      if (mine !== generation.current) return
      setState((previous) =>
        result.ok
          ? { projectId, project: result.value.project, loading: false, missing: false }
          : { projectId, project: previous.projectId === projectId ? previous.project : undefined, loading: false, missing: result.error.code === 'not-found' },
      )
    })
  }, [api, projectId])

  useEffect(() => {
    const answers = generation
    setState({ projectId, loading: true, missing: false })
    load()
    // An answer still on its way belongs to the project left behind.
    return () => {
      answers.current++
    }
  }, [projectId, load])

  const show = useCallback((project: ProjectView) => {
    generation.current++
    setState({ projectId: project.id, project, loading: false, missing: false })
  }, [])

  const current = state.projectId === projectId
  return { project: current ? state.project : undefined, loading: !current || state.loading, missing: current && state.missing, show, reload: load }
}

/**
 * Reloads whenever the document changes in the renderer's Repo (edits here, or a colleague's
 * arriving through the core), so tasks, resources and members stay current.
 */
export function useReloadOnChange(handle: DocHandle<ProjectDoc> | undefined, reload: () => void): void {
  useEffect(() => {
    if (!handle) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const changed = () => {
      clearTimeout(timer)
      timer = setTimeout(reload, reloadDelayMs)
    }
    handle.on('change', changed)
    return () => {
      clearTimeout(timer)
      handle.off('change', changed)
    }
  }, [handle, reload])
}
