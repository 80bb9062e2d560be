import { useSyncExternalStore } from 'react'

export interface QuickLogState {
  opened: boolean
  /** Contacts already chosen when it opens (e.g. from a contact's page). */
  contactIds: string[]
  /** Changes on every open, so the form starts fresh. */
  session: number
}

let state: QuickLogState = { opened: false, contactIds: [], session: 0 }
const listeners = new Set<() => void>()

function set(next: QuickLogState) {
  state = next
  for (const listener of listeners) listener()
}

/** Opens and closes the quick-log dialog from anywhere: palette, shortcut, a contact's page. */
export const quickLog = {
  open: (contactIds: string[] = []) => set({ opened: true, contactIds, session: state.session + 1 }),
  close: () => set({ ...state, opened: false }),
}

export function useQuickLogState(): QuickLogState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => state,
  )
}
