import type { Interaction } from '@shared/network/records'
import { useSyncExternalStore } from 'react'

export interface QuickLogState {
  opened: boolean
  /** Contacts already chosen when it opens (e.g. from a contact's page). */
  contactIds: string[]
  /** The interaction being edited; null when logging a new one. */
  editing: Interaction | null
  /** Changes on every open, so the form starts fresh. */
  session: number
}

let state: QuickLogState = { opened: false, contactIds: [], editing: null, session: 0 }
const listeners = new Set<() => void>()

function set(next: QuickLogState) {
  state = next
  for (const listener of listeners) listener()
}

/**
 * Opens and closes the interaction dialog from anywhere: the quick log (palette, shortcut, a
 * contact's page) or the edit form of an interaction already logged (a timeline entry).
 */
export const quickLog = {
  open: (contactIds: string[] = []) => set({ opened: true, contactIds, editing: null, session: state.session + 1 }),
  edit: (interaction: Interaction) => set({ opened: true, contactIds: [], editing: interaction, session: state.session + 1 }),
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
