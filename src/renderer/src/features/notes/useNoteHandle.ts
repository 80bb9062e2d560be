import type { AutomergeUrl, DocHandle } from '@automerge/automerge-repo'
import { useRepo } from '@automerge/react'
import type { NoteDoc } from '@shared/notes/NoteDoc'
import { useEffect, useState } from 'react'

export type NoteHandleState =
  | { status: 'loading' }
  | { status: 'ready'; handle: DocHandle<NoteDoc> }
  | { status: 'error'; message: string }

/** Finds the note's document in the renderer's Repo, which fetches it from the core. */
export function useNoteHandle(url: string | undefined): NoteHandleState {
  const repo = useRepo()
  const [state, setState] = useState<NoteHandleState>({ status: 'loading' })
  useEffect(() => {
    if (!url) return
    let cancelled = false
    const abort = new AbortController()
    setState({ status: 'loading' })
    repo
      .find<NoteDoc>(url as AutomergeUrl, { signal: abort.signal })
      .then((handle) => {
        if (cancelled) return
        const doc = handle.doc()
        if (typeof doc?.body !== 'string' || typeof doc.title !== 'string') {
          setState({ status: 'error', message: 'This document is not a note Staffroom can open.' })
          return
        }
        setState({ status: 'ready', handle })
      })
      .catch(() => {
        if (!cancelled) setState({ status: 'error', message: 'This note could not be loaded from the Staffroom core.' })
      })
    return () => {
      cancelled = true
      abort.abort()
    }
  }, [repo, url])
  return state
}
