import { useEffect, useRef, useState } from 'react'
import { useApi } from '../../../platform/PlatformContext'
import { useProjectHandle } from '../useProjectHandle'

/**
 * Calls `onChange` after the project's document changes in the renderer's Repo (typing here, a
 * colleague's edits arriving), once a burst has been quiet for `delayMs`.
 */
export function useProjectChanges(projectId: string, onChange: () => void, delayMs: number): void {
  const api = useApi()
  const [url, setUrl] = useState<string | undefined>(undefined)
  const latest = useRef(onChange)
  useEffect(() => {
    latest.current = onChange
  }, [onChange])

  useEffect(() => {
    let live = true
    void api.call('projects.get', { projectId }).then((result) => {
      if (live && result.ok) setUrl(result.value.project.url)
    })
    return () => {
      live = false
    }
  }, [api, projectId])

  const handleState = useProjectHandle(url)
  const handle = handleState.status === 'ready' ? handleState.handle : undefined
  useEffect(() => {
    if (!handle) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const changed = () => {
      clearTimeout(timer)
      timer = setTimeout(() => latest.current(), delayMs)
    }
    handle.on('change', changed)
    return () => {
      clearTimeout(timer)
      handle.off('change', changed)
    }
  }, [handle, delayMs])
}
