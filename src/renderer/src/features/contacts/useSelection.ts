import { useCallback, useRef, useState } from 'react'

export interface Selection {
  ids: ReadonlySet<string>
  has: (id: string) => boolean
  /**
   * Ticks or unticks the row at `index`. With `range` (shift held), every row from the last one
   * ticked to this one takes the same state, as far as their pages have loaded.
   */
  toggle: (id: string, index: number, range: boolean, idAt: (index: number) => string | undefined) => void
  set: (ids: Iterable<string>) => void
  clear: () => void
}

/**
 * Which rows of a long list are selected. The selection empties when `resetKey` (filter, sort,
 * current/deleted) changes, so an action never reaches rows the user no longer sees.
 */
export function useSelection(resetKey: string): Selection {
  const [state, setState] = useState<{ key: string; ids: ReadonlySet<string> }>({ key: resetKey, ids: new Set() })
  const anchor = useRef<{ key: string; index: number } | null>(null)
  const ids = state.key === resetKey ? state.ids : emptySet

  const toggle = useCallback<Selection['toggle']>(
    (id, index, range, idAt) => {
      // Read before setState: the updater may run after the anchor below has moved.
      const from = range && anchor.current?.key === resetKey ? anchor.current.index : index
      setState((previous) => {
        const next = new Set(previous.key === resetKey ? previous.ids : [])
        const select = !next.has(id)
        for (let i = Math.min(from, index); i <= Math.max(from, index); i++) {
          const rowId = i === index ? id : idAt(i)
          if (rowId === undefined) continue
          if (select) next.add(rowId)
          else next.delete(rowId)
        }
        return { key: resetKey, ids: next }
      })
      anchor.current = { key: resetKey, index }
    },
    [resetKey],
  )

  return {
    ids,
    has: (id) => ids.has(id),
    toggle,
    set: useCallback((next: Iterable<string>) => setState({ key: resetKey, ids: new Set(next) }), [resetKey]),
    clear: useCallback(() => {
      anchor.current = null
      setState({ key: resetKey, ids: new Set() })
    }, [resetKey]),
  }
}

const emptySet: ReadonlySet<string> = new Set()
