import type { AutomergeUrl } from '@automerge/automerge-repo'
import type { CircleView } from '@shared/api/circles'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useApi, usePlatform } from '../../platform/PlatformContext'

/** Coalesces a burst of changes (a colleague's replies arriving) into one reload. */
const reloadDelayMs = 300

export interface CircleState {
  circle: CircleView | undefined
  loading: boolean
  /** The core answered that there is no such circle here. */
  missing: boolean
  /** Shows a result the core just returned (after a change made here) without asking again. */
  show: (circle: CircleView) => void
  reload: () => void
}

/**
 * `circles.get` for the open circle, asked again whenever the circle's document changes in the
 * renderer's Repo (which the core keeps in step with every member's changes).
 */
export function useCircle(circleId: string): CircleState {
  const api = useApi()
  const { repo } = usePlatform()
  const [state, setState] = useState<{ circleId: string; circle?: CircleView; loading: boolean; missing: boolean }>({ circleId, loading: true, missing: false })
  const generation = useRef(0)

  const load = useCallback(() => {
    const mine = ++generation.current
    void api.call('circles.get', { circleId }).then((result) => {
      if (mine !== generation.current) return
      setState((previous) =>
        result.ok
          ? { circleId, circle: result.value.circle, loading: false, missing: false }
          : { circleId, circle: previous.circleId === circleId ? previous.circle : undefined, loading: false, missing: result.error.code === 'not-found' },
      )
    })
  }, [api, circleId])

  useEffect(() => {
    setState({ circleId, loading: true, missing: false })
    load()
    const answers = generation
    // A reply still on its way for the previous circle must not land on this one.
    return () => {
      answers.current++
    }
  }, [circleId, load])

  const url = state.circleId === circleId ? state.circle?.url : undefined
  useEffect(() => {
    if (!url) return
    const abort = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    let stop: (() => void) | undefined
    const changed = () => {
      clearTimeout(timer)
      timer = setTimeout(load, reloadDelayMs)
    }
    repo
      .find(url as AutomergeUrl, { signal: abort.signal })
      .then((handle) => {
        if (abort.signal.aborted) return
        handle.on('change', changed)
        stop = () => handle.off('change', changed)
      })
      // Without live updates the page still shows what the core answered; changes made here reload it.
      .catch(() => undefined)
    return () => {
      abort.abort()
      clearTimeout(timer)
      stop?.()
    }
  }, [repo, url, load])

  const show = useCallback((circle: CircleView) => {
    generation.current++
    setState({ circleId: circle.id, circle, loading: false, missing: false })
  }, [])

  const current = state.circleId === circleId
  return { circle: current ? state.circle : undefined, loading: !current || state.loading, missing: current && state.missing, show, reload: load }
}
