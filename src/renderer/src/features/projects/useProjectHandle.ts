import type { AutomergeUrl, DocHandle } from '@automerge/automerge-repo'
import { useRepo } from '@automerge/react'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { useEffect, useState } from 'react'

export type ProjectHandleState =
  | { status: 'loading' }
  | { status: 'ready'; handle: DocHandle<ProjectDoc> }
  | { status: 'error'; message: string }

/** Finds the project's document in the renderer's Repo (which fetches it from the core), for live title and body editing. */
export function useProjectHandle(url: string | undefined): ProjectHandleState {
  const repo = useRepo()
  const [state, setState] = useState<{ url?: string; state: ProjectHandleState }>({ state: { status: 'loading' } })
  useEffect(() => {
    if (!url) return
    let cancelled = false
    const abort = new AbortController()
    setState({ url, state: { status: 'loading' } })
    repo
      .find<ProjectDoc>(url as AutomergeUrl, { signal: abort.signal })
      .then((handle) => {
        if (cancelled) return
        const doc = handle.doc()
        // The core repairs a partial document before it lists it; anything else is not a project.
        if (doc?.kind !== 'project' || typeof doc.body !== 'string' || typeof doc.title !== 'string') {
          setState({ url, state: { status: 'error', message: 'This document is not a project Staffroom can open.' } })
          return
        }
        setState({ url, state: { status: 'ready', handle } })
      })
      .catch(() => {
        if (!cancelled) setState({ url, state: { status: 'error', message: 'This project could not be loaded from the Staffroom core.' } })
      })
    return () => {
      cancelled = true
      abort.abort()
    }
  }, [repo, url])
  return state.url === url ? state.state : { status: 'loading' }
}
